import { PersonalizationSwitch, RightsProvider, useRecommendationMode, type RightsEvent } from 'algorights';
import 'algorights/styles.css';
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';

/** What the app's feed request carries: the user's choice, as data (ALG 17, PIPL 24). */
function Feed() {
  const mode = useRecommendationMode();
  const request = { personalized: mode.feed === 'personalized', adsPersonalized: mode.ads === 'personalized' };
  return (
    <main>
      <h1>信息流</h1>
      <p>
        请求参数：<code data-testid="feed-request">{JSON.stringify(request)}</code>
      </p>
      <ul>{request.personalized ? <li>为你推荐：周末露营清单</li> : <li>本地热门：城市马拉松报名开始</li>}</ul>
    </main>
  );
}

const auditLog: RightsEvent[] = [];
// Lets the end-to-end test confirm which React this build runs on (the example is built against 18 and 19).
document.documentElement.dataset.reactVersion = version;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <RightsProvider locale="zh-CN" onEvent={(event) => auditLog.push(event)}>
      <header>
        <PersonalizationSwitch scopes={['feed', 'ads']} />
      </header>
      <Feed />
    </RightsProvider>
  </StrictMode>,
);
