/** The `team` namespace: 团队 in the app. `coedit`: co-editing a team document (sync state, who is in it). */
export const teamZh = {
  coedit: {
    sync: {
      offline: '离线',
      syncing: '同步中',
      synced: '已同步',
    },
    syncHint: {
      offline: '连不上团队服务器：改动先存在本机，连上后自动合并',
      syncing: '正在和团队服务器交换改动',
      synced: '团队服务器已收到全部改动',
    },
    people: '正在编辑：{{names}}',
    you: '{{name}}（我）',
    readOnly: '只读：你的角色（{{role}}）不能修改这篇团队文稿',
    connecting: '正在连接团队服务器…',
    role: {
      editor: '编辑',
      reviewer: '审阅',
      reader: '只读',
    },
    serverLimit: '服务器的上限',
  },
}

export const teamEn: typeof teamZh = {
  coedit: {
    sync: {
      offline: 'Offline',
      syncing: 'Syncing',
      synced: 'Synced',
    },
    syncHint: {
      offline: 'The team server cannot be reached: changes are kept on this computer and merged when it is back',
      syncing: 'Exchanging changes with the team server',
      synced: 'The team server has every change',
    },
    people: 'Editing: {{names}}',
    you: '{{name}} (me)',
    readOnly: 'Read only: your role ({{role}}) cannot change this team document',
    connecting: 'Connecting to the team server…',
    role: {
      editor: 'editor',
      reviewer: 'reviewer',
      reader: 'reader',
    },
    serverLimit: 'the server’s limit',
  },
}
