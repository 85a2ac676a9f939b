// The part of F-4's figures every F-4 test starts from (N-14): 编制数, the professional posts and the four
// grades, which add up (the approved counts fit the posts, every grade has vacancies to offer).
import type { PostInfo } from '../../shared/forms/postInfo.js';

export function postFigures(): Pick<PostInfo, 'establishment' | 'totalPosts' | 'grades'> {
  return {
    establishment: 120,
    totalPosts: 96,
    grades: {
      senior: { ratio: 5, approved: 5, appointed: 4 },
      deputySenior: { ratio: 20, approved: 19, appointed: 17 },
      intermediate: { ratio: 40, approved: 38, appointed: 36 },
      junior: { ratio: 35, approved: 34, appointed: 30 },
    },
  };
}
