/**
 * Where a place name starts: the words a name never contains, and the left trim of a candidate name at the last of
 * them. Kept apart from the place words and the extraction (places.ts) because it is a lexicon of its own with its
 * own hot path: every candidate of every ticket of a replay is trimmed here.
 */

/**
 * Words after which a name starts: a name never contains them. Longest first. Single administrative characters
 * (区 县 镇 乡 市 省) are handled separately because they also occur inside names (城市花园, 新区).
 */
export const BREAKS = [
  '投诉',
  '举报',
  '反映',
  '关于',
  '请求',
  '要求',
  '希望',
  '影响',
  '流经',
  '附近',
  '周边',
  '周围',
  '旁边',
  '对面',
  '紧邻',
  '临近',
  '位于',
  '处于',
  '我们',
  '你们',
  '他们',
  '本人',
  '记者',
  '发现',
  '造成',
  '导致',
  '排放',
  '整治',
  '治理',
  '重视',
  '尽早',
  '居住',
  '住在',
  '购买',
  '购房',
  '业主',
  '小区的',
  '就是',
  '以及',
  '还有',
  '其中',
  '严重',
  '每天',
  '晚上',
  '白天',
  '目前',
  '现在',
  '一直',
  '经过',
  '通过',
  '之间',
  '以来',
  '联系',
  '去',
  '来',
  '到',
  '在',
  '于',
  '的',
  '了',
  '是',
  '和',
  '及',
  '与',
  '或',
  '对',
  '向',
  '把',
  '被',
  '从',
  '由',
  '给',
  '让',
  '为',
  '将',
  '自',
  '至',
  '等',
  '这',
  '那',
  '该',
  '此',
  '其',
  '我',
  '你',
  '他',
  '她',
  '号',
  '栋',
  '楼',
  '层',
  '室',
  '期',
  '又',
  '也',
  '都',
  '还',
  '就',
  '再',
  '才',
  '已',
  '说',
  '比',
  '不如',
  '感觉',
  '建议',
  '不过',
  '而且',
  '回',
  '离',
  '间',
  '种',
  '星级',
  '四星',
  '五星',
  '三星',
  '快捷',
  '经济型',
  '商务',
  '但',
  '前面',
  '后面',
  '之前',
  '之后',
  '后',
  '却',
  '要',
  '跟',
  '涉嫌',
  '多次',
  '报备',
  '称',
  '提供',
  '以',
  '找',
  '选择',
  '签约',
  '签订',
  '合作',
  '里面',
  '北边',
  '南边',
  '东边',
  '西边',
  '旁',
  '有',
  '往',
  '占用',
  '什么',
  '些',
  '意味着',
  '止',
  '恳请',
  '望',
  '请',
  '新开',
  '一家',
  '几天',
  '出',
  '做',
  '剩下',
  '个',
  '家',
  '座',
  '条',
  '村',
  '路',
  '大道',
  '步道',
  '没有',
  '按照',
  '开发',
  '开发商',
  '施工',
  '扰民',
];

const BREAK_SET = new Set(BREAKS);
const ADMIN = /[省市区县镇乡]$/u;

/** Break words by their first character, so a head is matched in one pass over its characters. */
const BREAKS_BY_CHAR = new Map<string, string[]>();
for (const b of BREAKS) (BREAKS_BY_CHAR.get(b[0]!) ?? BREAKS_BY_CHAR.set(b[0]!, []).get(b[0]!)!).push(b);
const ADMIN_CHARS = new Set('省市区县镇乡');
/** Heads recur on every ticket of a business (its name is in the text), so trimming is memoised; bounded. */
const trimCache = new Map<string, string>();

/**
 * Trims a candidate name on the left: after the last break word, keeping at least two characters of name. The
 * suffix does not change the result (kept for callers); the result depends on the head only, hence the memo.
 */
export function trimName(head: string, _suffix: string): string {
  let r = trimCache.get(head);
  if (r === undefined) {
    if (trimCache.size > 100_000) trimCache.clear();
    r = trimHead(head);
    trimCache.set(head, r);
  }
  return r;
}

/*
 * One pass over the head finds every occurrence of every break word (starts, overlapping ones included); this is
 * what the former loop over ~200 words with lastIndexOf/indexOf computed, with the same rules: a break word counts
 * at its *last* occurrence only, and only when a name character follows it.
 */
const occStart: number[] = [];
const occLen: number[] = [];
function trimHead(head: string): string {
  let s = head;
  for (let guard = 0; guard < 8; guard++) {
    occStart.length = 0;
    occLen.length = 0;
    const last = new Map<string, number>();
    for (let j = 0; j < s.length; j++) {
      const cands = BREAKS_BY_CHAR.get(s[j]!);
      if (!cands) continue;
      for (const b of cands)
        if (s.startsWith(b, j)) {
          last.set(b, j);
          occStart.push(j);
          occLen.push(b.length);
        }
    }
    let cut = -1;
    for (const [b, i] of last) if (i + b.length > cut && s.length - (i + b.length) >= 1) cut = i + b.length;
    // administrative prefix: 仓山区…, 福州市…, 鼓山镇… (the unit needs two characters before it to be one)
    for (let i = s.length - 1; i >= 2; i--) {
      if (ADMIN_CHARS.has(s[i]!) && i + 1 > cut && s.length - (i + 1) >= 1) {
        if (s[i] === '市' && (s[i + 1] === '场' || s[i + 1] === '政')) continue;
        cut = i + 1;
        break;
      }
    }
    if (cut <= 0) break;
    // a cut inside a longer break word (我|们小区) leaves a fragment: the whole head is then no name
    for (let k = 0; k < occStart.length; k++)
      if (occLen[k]! >= 2 && occStart[k]! < cut && occStart[k]! + occLen[k]! > cut) return '';
    s = s.slice(cut);
  }
  // A head that is itself a break word (影响小区) or ends in one (送女儿去|学校) names nothing.
  return BREAK_SET.has(s) || BREAK_SET.has(s.slice(-1)) ? '' : s;
}
