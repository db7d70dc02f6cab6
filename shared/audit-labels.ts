/**
 * Chinese names of audit actions and subjects, for the audit screen and its CSV export (one list for both), and
 * their English names for the web's English locale. An action missing here shows as 其他操作, never as its code.
 */
export const AUDIT_ACTION_LABELS = {
  'personal_data.view': '查看个人信息', 'personal_data.export': '导出个人信息', 'analytics.export': '行级导出', 'abnormal.share': '名录共享',
  'ticket.action': '办理操作', 'ticket.transfer': '转办', 'ticket.import': '批量导入', login: '登录', 'login.failed': '登录失败', 'login.lockout': '账号临时锁定',
  'abnormal.propose': '名录提议', 'abnormal.review': '名录审核', 'abnormal.notify': '名录告知', 'abnormal.appeal': '名录申诉', 'abnormal.remove': '移出名录',
  'abnormal.import': '导入名录', 'alert.review': '预警处置', 'calendar.update': '修改工作日历', 'calendar.recount': '按新日历重算期限', 'model.activate': '启用模型', 'model.register': '登记模型',
  'inspection.create': '派发检查', 'inspection.result': '检查结果', 'training.correction': '标注纠正',
  'key.reseal': '密钥轮换', 'database.backup': '数据库备份', 'database.restore': '数据库恢复',
  'document.view': '查看文书', 'similar.view': '查看类案',
  'supervision.open': '开启督办', 'supervision.answer': '督办回复', 'supervision.close': '督办办结',
  'user.create': '新建用户', 'user.update': '修改用户', 'user.password_reset': '重置密码', 'unit.street_station': '调整街镇归属', 'audit.export': '导出审计日志',
  'knowledge.template_edit': '修改答复模板',
  'proceeding.record': '登记关联程序',
  'exchange.upload': '上传交换数据', 'disclosure.correction': '公示更正申请',
  'odr.apply': 'ODR入驻申请', 'odr.decide': 'ODR入驻审核', 'odr.account': 'ODR企业账号', 'odr.key': 'ODR接口密钥', 'odr.bulk': 'ODR批量处理',
  'case.penalty': '录入行政处罚决定', 'monitoring.issue': '发起监测指令', 'monitoring.step': '监测环节办理',
  'transfer12345.receive': '接收12345转办件', 'transfer12345.reopen': '12345重办', 'transfer12345.feedback': '12345满意度回访',
} as const satisfies Record<string, string>;

export const AUDIT_SUBJECT_LABELS = {
  ticket: '工单', tickets: '工单', abnormal: '名录条目', abnormal_list: '异常名录', user: '用户', alert: '预警', calendar: '工作日历',
  model: '模型', batch: '导入批次', key: '密钥', database: '数据库', street: '街道/镇', audit_log: '审计日志', document: '文书', supervision: '督办',
} as const satisfies Record<string, string>;

/** The English names (the web's English locale); typed so that an action without one does not compile. */
export const AUDIT_ACTION_LABELS_EN: Record<keyof typeof AUDIT_ACTION_LABELS, string> = {
  'personal_data.view': 'Personal data viewed', 'personal_data.export': 'Personal data exported', 'analytics.export': 'Row export', 'abnormal.share': 'List shared',
  'ticket.action': 'Ticket action', 'ticket.transfer': 'Transfer', 'ticket.import': 'Bulk import', login: 'Sign-in', 'login.failed': 'Failed sign-in', 'login.lockout': 'Account locked',
  'abnormal.propose': 'List proposal', 'abnormal.review': 'List review', 'abnormal.notify': 'List notice', 'abnormal.appeal': 'List appeal', 'abnormal.remove': 'Removed from list',
  'abnormal.import': 'List import', 'alert.review': 'Warning review', 'calendar.update': 'Calendar changed', 'model.activate': 'Model activated', 'model.register': 'Model registered',
  'inspection.create': 'Inspection dispatched', 'inspection.result': 'Inspection result', 'training.correction': 'Label correction',
  'key.reseal': 'Key rotation', 'database.backup': 'Database backup', 'database.restore': 'Database restore',
  'document.view': 'Document viewed', 'similar.view': 'Similar cases viewed',
  'supervision.open': 'Supervision opened', 'supervision.answer': 'Supervision answered', 'supervision.close': 'Supervision closed',
  'user.create': 'User created', 'user.update': 'User changed', 'user.password_reset': 'Password reset', 'unit.street_station': 'Street reassigned', 'audit.export': 'Audit log exported',
  'knowledge.template_edit': 'Answer template edited',
  'proceeding.record': 'Related proceeding recorded',
  'calendar.recount': 'Deadlines recounted on the new calendar',
  'exchange.upload': 'Exchange data uploaded', 'disclosure.correction': 'Disclosure correction request',
  'odr.apply': 'ODR application', 'odr.decide': 'ODR application decided', 'odr.account': 'ODR enterprise account', 'odr.key': 'ODR API key', 'odr.bulk': 'ODR bulk handling',
  'case.penalty': 'Penalty decision recorded', 'monitoring.issue': 'Monitoring instruction issued', 'monitoring.step': 'Monitoring step',
  'transfer12345.receive': '12345 transfer received', 'transfer12345.reopen': '12345 re-opened', 'transfer12345.feedback': '12345 satisfaction follow-up',
};

export const AUDIT_SUBJECT_LABELS_EN: Record<keyof typeof AUDIT_SUBJECT_LABELS, string> = {
  ticket: 'Ticket', tickets: 'Tickets', abnormal: 'List entry', abnormal_list: 'Abnormal list', user: 'User', alert: 'Warning', calendar: 'Calendar',
  model: 'Model', batch: 'Import batch', key: 'Key', database: 'Database', street: 'Street/town', audit_log: 'Audit log', document: 'Document', supervision: 'Supervision',
};

export const auditActionLabel = (a: string) => (AUDIT_ACTION_LABELS as Record<string, string>)[a] ?? '其他操作';
export const auditSubjectLabel = (s: string) => (AUDIT_SUBJECT_LABELS as Record<string, string>)[s] ?? '其他对象';
