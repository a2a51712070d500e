import { useState } from 'react';
import { NotInterestedButton, WhyRecommended, useRecommendationMode } from '../../src/index.js';
import { strategies } from './demo-content.js';
import type { DemoLocale } from './messages.js';

// Demo copy for a platform's feed; it is the host app's text, not the kit's.
const copy: Record<
  DemoLocale,
  { title: string; request: string; items: Record<'personalized' | 'popular-nearby' | 'following-latest', string[]>; reasons: string[] }
> = {
  'zh-CN': {
    title: '示例信息流',
    request: '信息流请求',
    items: {
      personalized: ['为你推荐：露营装备清单', '为你推荐：上海周末展览'],
      'popular-nearby': ['本地热门：城市马拉松报名开始', '全国热门：地铁新线路开通'],
      'following-latest': ['你关注的「户外小队」：今晚 8 点直播', '你关注的「城市观察」：新文章'],
    },
    reasons: ['你近期浏览过户外相关内容', '与你关注的账号相似'],
  },
  'zh-TW': {
    title: '示例資訊流',
    request: '資訊流請求',
    items: {
      personalized: ['為你推薦：露營裝備清單', '為你推薦：上海週末展覽'],
      'popular-nearby': ['本地熱門：城市馬拉松報名開始', '全國熱門：地鐵新線路開通'],
      'following-latest': ['你追蹤的「戶外小隊」：今晚 8 點直播', '你追蹤的「城市觀察」：新文章'],
    },
    reasons: ['你近期瀏覽過戶外相關內容', '與你追蹤的帳號相似'],
  },
  en: {
    title: 'Example feed',
    request: 'Feed request',
    items: {
      personalized: ['For you: a camping checklist', 'For you: weekend exhibitions in Shanghai'],
      'popular-nearby': ['Popular near you: city marathon sign-up opens', 'Popular nationwide: a new metro line opens'],
      'following-latest': ['“Outdoor crew”, whom you follow: live at 8 pm', '“City watch”, whom you follow: a new article'],
    },
    reasons: ['You recently viewed outdoor content', 'Similar to accounts you follow'],
  },
};

/**
 * A stand-in for a platform's feed: its request carries the user's mode and
 * strategy, it still shows content when non-personalized (PIPL 16), and each
 * item has "why recommended" and "not interested".
 */
export function RecommendedFeed({ locale, feedback = true }: { locale: DemoLocale; feedback?: boolean }) {
  const mode = useRecommendationMode();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const text = copy[locale];
  const key = mode.feed === 'personalized' ? 'personalized' : mode.strategy === 'following-latest' ? 'following-latest' : 'popular-nearby';
  const request = { personalized: mode.feed === 'personalized', strategy: mode.strategy, ads: mode.ads === 'personalized' };
  return (
    <section aria-label={text.title} style={{ marginTop: 16, maxWidth: '40rem' }}>
      <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{text.title}</h2>
      <ul data-feed={key} style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 8 }}>
        {text.items[key].map((item, index) => {
          const itemId = `${key}-${index}`;
          return (
            <li key={itemId} data-item-id={itemId} data-not-interested={hidden.has(itemId) ? '' : undefined}>
              <span>{item}</span>{' '}
              <WhyRecommended itemLabel={item} reasons={key === 'personalized' ? text.reasons : []} strategies={strategies[locale]} />{' '}
              {feedback ? (
                <NotInterestedButton
                  itemId={itemId}
                  itemLabel={item}
                  // Short, so a reviewer sees the feedback go out; an app keeps the default (5 s).
                  undoMs={1000}
                  onNotInterested={() => setHidden((current) => new Set([...current, itemId]))}
                  onUndo={() => setHidden((current) => new Set([...current].filter((id) => id !== itemId)))}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <p style={{ margin: '8px 0 0' }}>
        {text.request}: <code data-testid="feed-request" style={{ overflowWrap: 'anywhere' }}>{JSON.stringify(request)}</code>
      </p>
    </section>
  );
}
