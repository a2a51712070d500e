import type { InterestOption, RecommendationStrategy, UserTag, UserTagProfile } from '../../src/index.js';
import type { DemoLocale } from './messages.js';

// What a platform supplies to the components: its own text, per locale. None of it is the kit's.

export const FILING = { number: '网信算备110108823483902230019号', url: 'https://beian.cac.gov.cn/#/index' } as const;
export const SECOND_FILING = { number: '网信算备440305185718601220013号' } as const;

export const disclosure: Record<
  DemoLocale,
  { principles: string; purpose: string; mechanism: string; audience: string; filingName: string; secondFilingName: string }
> = {
  'zh-CN': {
    principles: '根据内容的主题、发布时间和热度，以及你的浏览、点赞和关注，估计你对每条内容的兴趣。',
    purpose: '帮助你更快找到可能感兴趣的内容，并减少重复内容。',
    mechanism: '每次刷新时，从候选内容中筛选并排序；你可以随时关闭个性化推荐或删除用户标签。',
    audience: '写作助手面向年满 18 周岁的用户，用于撰写和润色文本，不适用于医疗、法律等专业建议。',
    filingName: '信息流个性化推荐算法',
    secondFilingName: '写作助手生成合成类算法',
  },
  'zh-TW': {
    principles: '根據內容的主題、發佈時間和熱度，以及你的瀏覽、按讚和追蹤，估計你對每則內容的興趣。',
    purpose: '幫助你更快找到可能感興趣的內容，並減少重複內容。',
    mechanism: '每次重新整理時，從候選內容中篩選並排序；你可以隨時關閉個人化推薦或刪除使用者標籤。',
    audience: '寫作助手面向年滿 18 歲的使用者，用於撰寫和潤飾文字，不適用於醫療、法律等專業建議。',
    filingName: '資訊流個性化推薦演算法',
    secondFilingName: '寫作助手生成合成類演算法',
  },
  en: {
    principles: "We estimate your interest in each item from its topic, age and popularity, and from what you view, like and follow.",
    purpose: 'To help you find content you may like sooner, with less repetition.',
    mechanism: 'On every refresh, candidates are filtered and ranked. You can turn personalization off or delete your tags at any time.',
    audience: 'The writing assistant is for users aged 18 and over, for drafting and polishing text. It is not for medical or legal advice.',
    filingName: 'Personalized feed ranking algorithm',
    secondFilingName: 'Writing assistant generation algorithm',
  },
};

export const strategies: Record<DemoLocale, RecommendationStrategy[]> = {
  'zh-CN': [
    { id: 'popular-nearby', label: '附近热门', description: '你所在地区和全国最近的热门内容' },
    { id: 'following-latest', label: '关注 · 最新', description: '只看你关注的账号，按发布时间排序' },
  ],
  'zh-TW': [
    { id: 'popular-nearby', label: '附近熱門', description: '你所在地區和全國最近的熱門內容' },
    { id: 'following-latest', label: '追蹤 · 最新', description: '只看你追蹤的帳號，按發佈時間排序' },
  ],
  en: [
    { id: 'popular-nearby', label: 'Popular near you', description: 'Popular lately in your region and nationwide' },
    { id: 'following-latest', label: 'Following, newest first', description: 'Only accounts you follow, in time order' },
  ],
};

const tagText: Record<DemoLocale, { categories: [string, string, string]; tags: string[]; detail: string; interests: string[] }> = {
  'zh-CN': {
    categories: ['旅行', '运动', '美食'],
    tags: ['露营', '徒步', '自驾游', '足球', '跑步', '川菜', '咖啡'],
    detail: '近 7 天浏览了 12 条相关内容',
    interests: ['骑行', '滑雪', '烘焙', '摄影'],
  },
  'zh-TW': {
    categories: ['旅行', '運動', '美食'],
    tags: ['露營', '健行', '自駕遊', '足球', '跑步', '川菜', '咖啡'],
    detail: '近 7 天瀏覽了 12 則相關內容',
    interests: ['單車', '滑雪', '烘焙', '攝影'],
  },
  en: {
    categories: ['Travel', 'Sports', 'Food'],
    tags: ['Camping', 'Hiking', 'Road trips', 'Football', 'Running', 'Sichuan food', 'Coffee'],
    detail: 'You viewed 12 related posts in the last 7 days',
    interests: ['Cycling', 'Skiing', 'Baking', 'Photography'],
  },
};

const CATEGORY_IDS = ['travel', 'sports', 'food'] as const;
const TAG_IDS = ['camping', 'hiking', 'road-trips', 'football', 'running', 'sichuan-food', 'coffee'] as const;
const TAG_CATEGORIES = [0, 0, 0, 1, 1, 2, 2] as const;
const TAG_SOURCES = ['inferred', 'inferred', 'declared', 'selected', 'inferred', 'inferred', 'selected'] as const;

/** A sample user's tags: seven across three categories, plus one the platform marked disallowed and one matching the blocklist. */
export function sampleProfile(locale: DemoLocale): UserTagProfile {
  const text = tagText[locale];
  const tags: UserTag[] = TAG_IDS.map((id, index) => ({
    id,
    label: text.tags[index] ?? id,
    categoryId: CATEGORY_IDS[TAG_CATEGORIES[index] ?? 0],
    source: TAG_SOURCES[index],
    ...(TAG_SOURCES[index] === 'inferred' ? { sourceDetail: text.detail } : {}),
    createdAt: `2026-11-${String(10 + index).padStart(2, '0')}T08:00:00.000Z`,
  }));
  tags.push({ id: 'flagged', label: '违规关键词', categoryId: 'sports', disallowed: true });
  tags.push({ id: 'gambling', label: '线上博彩 betting', categoryId: 'sports', source: 'inferred' });
  return { tags, categories: CATEGORY_IDS.map((id, index) => ({ id, label: text.categories[index] ?? id })) };
}

/** The platform's blocklist (ALG 10). */
export const BLOCKLIST = ['博彩', 'betting'];

export function sampleCatalogue(locale: DemoLocale): InterestOption[] {
  const text = tagText[locale];
  const ids = ['cycling', 'skiing', 'baking', 'photography'];
  const categories = ['sports', 'sports', 'food', 'travel'];
  return [
    ...ids.map((id, index) => ({ id, label: text.interests[index] ?? id, categoryId: categories[index] ?? 'travel' })),
    { id: 'casino', label: '博彩技巧 betting', categoryId: 'sports' },
  ];
}

/** Many tags, for scale: spread over 20 categories. */
export function largeProfile(count: number): UserTagProfile {
  const categories = Array.from({ length: 20 }, (_, index) => ({ id: `c${index}`, label: `分类 ${index + 1}` }));
  const tags: UserTag[] = Array.from({ length: count }, (_, index) => ({
    id: `t${index}`,
    label: `标签 ${index + 1}`,
    categoryId: `c${index % 20}`,
    source: 'inferred',
    createdAt: '2026-11-01T08:00:00.000Z',
  }));
  return { tags, categories };
}
