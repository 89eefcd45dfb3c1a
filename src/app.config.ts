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
        'pages/checkin/index',
        'pages/visit/index',
        'pages/ledger/index',
        'pages/work/index',
        'pages/tasks/index',
        'pages/callbacks/index',
        'pages/onthespot/index',
      ],
    },
    { root: 'packages/supervisor', pages: ['pages/cases/index', 'pages/points/index', 'pages/checkins/index'] },
    {
      root: 'packages/admin',
      pages: ['pages/org/index', 'pages/users/index', 'pages/invitations/index', 'pages/settings/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '民情通',
    navigationBarTextStyle: 'white',
  },
  // WeChat refuses location APIs that the app does not declare.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于记录您反映的问题发生在哪里' },
  },
})

// Cloud development (wx.cloud). Not in Taro's AppConfig type, but it must reach app.json.
export default { ...config, cloud: true }
