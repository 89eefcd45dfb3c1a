const config = defineAppConfig({
  // The resident's pages stay in the main package; staff pages load only when opened.
  pages: [
    'pages/index/index',
    'pages/submit/index',
    'pages/mine/index',
    'pages/case/index',
    'pages/rate/index',
    'pages/me/index',
  ],
  subPackages: [
    { root: 'packages/staff', pages: ['pages/case/index'] },
    {
      root: 'packages/cadre',
      pages: [
        'pages/home/index',
        'pages/checkin/index',
        'pages/visit/index',
        'pages/ledger/index',
        'pages/work/index',
        'pages/tasks/index',
        'pages/callbacks/index',
        'pages/onthespot/index',
      ],
    },
    {
      root: 'packages/supervisor',
      pages: [
        'pages/home/index',
        'pages/cases/index',
        'pages/points/index',
        'pages/checkins/index',
        'pages/supervision/index',
        'pages/lists/index',
        'pages/pledges/index',
      ],
    },
    {
      root: 'packages/admin',
      pages: [
        'pages/home/index',
        'pages/org/index',
        'pages/users/index',
        'pages/invitations/index',
        'pages/settings/index',
      ],
    },
    // The dashboard and its chart library (ECharts) load only when opened.
    { root: 'packages/dashboard', pages: ['pages/index/index', 'pages/records/index'] },
    // 公开清单: for anyone, no role needed.
    { root: 'packages/public', pages: ['pages/lists/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '民情通',
    navigationBarTextStyle: 'white',
    // WeChat draws this bar itself; in the browser Taro draws it (title, back and home) only when asked.
    navigationStyle: 'default',
  },
  // WeChat refuses location APIs that the app does not declare.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于记录您反映的问题发生在哪里' },
  },
})

// Cloud development (wx.cloud), and WeChat asking the app (onNeedPrivacyAuthorization) before a call
// that needs the person's agreement: neither is in Taro's AppConfig type, but both must reach app.json.
export default { ...config, cloud: true, __usePrivacyCheck__: true }
