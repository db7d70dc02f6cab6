import { createApp } from 'vue';
import {
  ElAlert, ElButton, ElCard, ElCheckbox, ElCol, ElConfigProvider, ElDatePicker, ElDescriptions, ElDescriptionsItem,
  ElDialog, ElDivider, ElDrawer, ElEmpty, ElForm, ElFormItem, ElInput, ElInputNumber, ElLink, ElLoading, ElOption,
  ElPagination, ElPopover, ElProgress, ElRadioButton, ElRadioGroup, ElRate, ElRow, ElSelect, ElSkeleton, ElStatistic,
  ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTooltip, ElUpload,
} from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router';
import './styles.css';

const app = createApp(App);
// Element Plus on demand: only what the screens use is bundled (its CSS is taken whole: ~40 KB gzipped).
for (const c of [
  ElAlert, ElButton, ElCard, ElCheckbox, ElCol, ElConfigProvider, ElDatePicker, ElDescriptions, ElDescriptionsItem,
  ElDialog, ElDivider, ElDrawer, ElEmpty, ElForm, ElFormItem, ElInput, ElInputNumber, ElLink, ElOption,
  ElPagination, ElPopover, ElProgress, ElRadioButton, ElRadioGroup, ElRate, ElRow, ElSelect, ElSkeleton, ElStatistic,
  ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTooltip, ElUpload,
]) app.component(c.name!, c);
app.use(ElLoading);
app.use(router);
app.mount('#app');
