/** Strings of the administration screens. */
export const zh = {
  // lib/admin-menu.ts
  'adminMenu.users': '用户',
  'adminMenu.usersHint': '用户与角色、所属单位、重置密码',
  'adminMenu.units': '单位与辖区',
  'adminMenu.unitsHint': '区局、市场监管所，以及各街道/镇由哪个所办理',
  'adminMenu.odr': 'ODR 企业',
  'adminMenu.odrHint': '在线消费纠纷解决企业的入驻与退出',
  'adminMenu.models': '模型',
  'adminMenu.modelsHint': '分类模型版本、评估与启用',
  'adminMenu.calendar': '节假日',
  'adminMenu.calendarHint': '按年录入放假安排与调休上班日',
  'adminMenu.audit': '审计',
  'adminMenu.auditHint': '审计日志检索、校验与导出',
  'adminMenu.exchange': '国家平台数据交换',
  'adminMenu.exchangeHint': '全国 12315 平台数据导入导出',
  // views/admin/AdminShell.vue
  'adminShell.administration': '系统管理',
};

export const en: Record<keyof typeof zh, string> = {
  // lib/admin-menu.ts
  'adminMenu.users': 'Users',
  'adminMenu.usersHint': 'Users and roles, their units, password reset',
  'adminMenu.units': 'Units',
  'adminMenu.unitsHint': 'District bureaus, stations, and which station handles each street/town',
  'adminMenu.odr': 'ODR enterprises',
  'adminMenu.odrHint': 'Enrolment and withdrawal of online dispute resolution (ODR) enterprises',
  'adminMenu.models': 'Models',
  'adminMenu.modelsHint': 'Classifier model versions, evaluation and activation',
  'adminMenu.calendar': 'Holidays',
  'adminMenu.calendarHint': 'Holidays and make-up working days, by year',
  'adminMenu.audit': 'Audit',
  'adminMenu.auditHint': 'Search, verify and export the audit log',
  'adminMenu.exchange': 'National exchange',
  'adminMenu.exchangeHint': 'Import and export with the national 12315 platform',
  // views/admin/AdminShell.vue
  'adminShell.administration': 'Administration',
};
