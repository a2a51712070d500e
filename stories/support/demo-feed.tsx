import { useRecommendationMode } from '../../src/index.js';
import type { DemoLocale } from './messages.js';

// Demo copy for the stories' example feed; it is the host app's text, not the kit's.
const copy: Record<DemoLocale, { title: string; request: string; personalized: string[]; popular: string[] }> = {
  'zh-CN': {
    title: '示例信息流',
    request: '信息流请求',
    personalized: ['为你推荐：露营装备清单', '为你推荐：上海周末展览'],
    popular: ['本地热门：城市马拉松报名开始', '最新发布：地铁新线路开通'],
  },
  'zh-TW': {
    title: '示例資訊流',
    request: '資訊流請求',
    personalized: ['為你推薦：露營裝備清單', '為你推薦：上海週末展覽'],
    popular: ['本地熱門：城市馬拉松報名開始', '最新發佈：地鐵新線路開通'],
  },
  en: {
    title: 'Example feed',
    request: 'Feed request',
    personalized: ['For you: a camping checklist', 'For you: weekend exhibitions in Shanghai'],
    popular: ['Popular near you: city marathon sign-up opens', 'Newest: a new metro line opens'],
  },
};

/** A stand-in for a platform's feed: its request carries the user's choice, and it still shows content when it is non-personalized. */
export function DemoFeed({ locale }: { locale: DemoLocale }) {
  const mode = useRecommendationMode();
  const text = copy[locale];
  const personalized = mode.feed === 'personalized';
  const request = { personalized, ads: mode.ads === 'personalized', push: mode.push === 'personalized', search: mode.search === 'personalized' };
  return (
    <section aria-label={text.title} style={{ marginTop: 16, maxWidth: '40rem' }}>
      <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{text.title}</h2>
      <ul data-feed={personalized ? 'personalized' : 'non-personalized'} style={{ margin: 0, paddingInlineStart: 20 }}>
        {(personalized ? text.personalized : text.popular).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p style={{ margin: '8px 0 0', overflowWrap: 'anywhere' }}>
        {text.request}: <code style={{ overflowWrap: 'anywhere' }}>{JSON.stringify(request)}</code>
      </p>
    </section>
  );
}
