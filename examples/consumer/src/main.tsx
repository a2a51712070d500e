import {
  AlgorithmDisclosure,
  NotInterestedButton,
  PersonalizationSwitch,
  RecommendationModePicker,
  RightsProvider,
  UserTagManager,
  useRecommendationMode,
  type RightsEvent,
} from 'algorights';
import 'algorights/styles.css';
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { tagsAdapter } from './tags-adapter.js';

/** What the app's feed request carries: the user's choice, as data (ALG 17, PIPL 24). */
function Feed() {
  const mode = useRecommendationMode();
  const request = { personalized: mode.feed === 'personalized', adsPersonalized: mode.ads === 'personalized', strategy: mode.strategy };
  return (
    <main>
      <h1>信息流</h1>
      <p>
        请求参数：<code data-testid="feed-request">{JSON.stringify(request)}</code>
      </p>
      <ul>
        <li>
          {request.personalized ? '为你推荐：周末露营清单' : '本地热门：城市马拉松报名开始'}{' '}
          <NotInterestedButton itemId="item-1" itemLabel="周末露营清单" reasons={false} />
        </li>
      </ul>
      <UserTagManager />
    </main>
  );
}

const auditLog: RightsEvent[] = [];
// Lets the end-to-end test confirm which React this build runs on (the example is built against 18 and 19).
document.documentElement.dataset.reactVersion = version;

// The user's tags come from the platform through its TagsAdapter (./tags-adapter.ts); preferences stay in this
// browser's localStorage, the kit's default.
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <RightsProvider locale="zh-CN" adapters={{ tags: tagsAdapter }} onEvent={(event) => auditLog.push(event)}>
      <header>
        <AlgorithmDisclosure
          principles="依据内容热度和你的互动排序。"
          purpose="帮助你发现感兴趣的内容。"
          mechanism="每次刷新时重新排序。"
          filings={{ number: '网信算备110108823483902230019号' }}
        />
        <PersonalizationSwitch scopes={['feed', 'ads']} />
        <RecommendationModePicker
          variant="inline"
          strategies={[
            { id: 'popular-nearby', label: '附近热门' },
            { id: 'following-latest', label: '关注 · 最新' },
          ]}
        />
      </header>
      <Feed />
    </RightsProvider>
  </StrictMode>,
);
