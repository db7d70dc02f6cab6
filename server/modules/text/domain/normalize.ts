/**
 * Text normalisation shared by every text feature: pre-fill, classifiers, similar cases, templates.
 * Pure and total: any string in (empty, 1 MB, binary garbage, emoji) gives a string out, never a throw.
 */

/** Longest text we analyse. Complaints are short; a 1 MB paste is almost always an attachment dumped as text, and
 * reading its head and tail keeps the parts that name the business and the demand while bounding the cost. */
export const MAX_TEXT_CHARS = 20_000;

export function truncate(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  const head = Math.floor(max * 0.75);
  return `${text.slice(0, head)}\n…\n${text.slice(text.length - (max - head))}`;
}

// Common traditional → simplified characters seen in complaint text (HK/TW consumers, copy-pasted pages). A full OpenCC
// table is megabytes; these few hundred cover the frequent ones cheaply.
const T2S_PAIRS =
  '與与 專专 業业 東东 絲丝 兩两 嚴严 喪丧 個个 豐丰 臨临 為为 麗丽 舉举 義义 烏乌 樂乐 喬乔 習习 鄉乡 書书 買买 亂乱 爭争 於于 虧亏 雲云 亞亚 產产 畝亩 親亲 億亿 僅仅 從从 侖仑 倉仓 儀仪 們们 價价 眾众 優优 會会 傘伞 偉伟 傳传 傷伤 倫伦 偽伪 體体 餘余 傭佣 僉佥 俠侠 侶侣 僥侥 偵侦 側侧 僑侨 儈侩 儕侪 儂侬 俁俣 儉俭 債债 傾倾 僂偻 僨偾 償偿 儻傥 儐傧 儲储 儺傩 兒儿 兌兑 兗兖 黨党 蘭兰 關关 興兴 茲兹 養养 獸兽 內内 岡冈 冊册 寫写 軍军 農农 塚冢 馮冯 衝冲 決决 況况 凍冻 淨净 淒凄 涼凉 減减 湊凑 凜凛 幾几 鳳凤 憑凭 凱凯 擊击 鑿凿 芻刍 劃划 劉刘 則则 剛刚 創创 刪删 別别 剗刬 剄刭 劊刽 劌刿 劍剑 劑剂 勸劝 辦办 務务 勱劢 動动 勵励 勁劲 勞劳 勢势 勳勋 勻匀 匭匦 匱匮 區区 醫医 華华 協协 單单 賣卖 盧卢 鹵卤 衛卫 卻却 廠厂 廳厅 曆历 歷历 厲厉 壓压 厭厌 厙厍 廁厕 廂厢 廈厦 縣县 參参 雙双 發发 變变 敘叙 疊叠 葉叶 號号 嘆叹 嘰叽 籲吁 後后 嚇吓 呂吕 嗎吗 噸吨 聽听 啟启 吳吴 嘸呒 囈呓 嘔呕 嚦呖 唄呗 員员 咼呙 嗆呛 嗚呜 詠咏 嚨咙 嚀咛 噝咝 響响 啞哑 噠哒 嘵哓 嗶哔 噦哕 嘩哗 噲哙 嚌哜 噥哝 喲哟 嘜唛 嗊唝 嘮唠 啢唡 嗩唢 喚唤 嘖啧 嗇啬 囀啭 齧啮 嘯啸 噴喷 嘍喽 嚳喾 囁嗫 噯嗳 噓嘘 嚶嘤 囑嘱 嚕噜 團团 園园 囪囱 圍围 圇囵 國国 圖图 圓圆 聖圣 壙圹 場场 壞坏 塊块 堅坚 壇坛 壢坜 壩坝 塢坞 墳坟 墜坠 壟垄 壚垆 壘垒 墾垦 堊垩 墊垫 埡垭 塏垲 塤埙 堝埚 墊垫 壺壶 處处 備备 復复 夠够 頭头 誇夸 夾夹 奪夺 奩奁 奐奂 奮奋 獎奖 奧奥 妝妆 婦妇 媽妈 嫵妩 嫗妪 姍姗 薑姜 婁娄 婭娅 嬈娆 嬌娇 孌娈 娛娱 媧娲 嫻娴 嬰婴 嬋婵 嬸婶 媼媪 嬡嫒 嬪嫔 嬙嫱 嬤嬷 孫孙 學学 孿孪 寧宁 寶宝 實实 寵宠 審审 憲宪 宮宫 寬宽 賓宾 寢寝 對对 尋寻 導导 壽寿 將将 爾尔 塵尘 堯尧 尷尴 屍尸 盡尽 層层 屆届 屬属 屢屡 屨屦 嶼屿 歲岁 豈岂 嶇岖 崗岗 峴岘 嶴岙 嵐岚 島岛 嶺岭 嶽岳 崠岽 巋岿 嶨峃 嶧峄 峽峡 嶢峣 嶠峤 崢峥 巒峦 嶗崂 崍崃 嶮崄 嶄崭 嶸嵘 嶔嵚 巔巅 鞏巩 巰巯 幣币 帥帅 師师 幃帏 帳帐 簾帘 幟帜 帶带 幀帧 幫帮 幬帱 幗帼 冪幂 襆幞 幹干 並并 廣广 莊庄 慶庆 廬庐 廡庑 庫库 應应 廟庙 龐庞 廢废 廎庼 開开 異异 棄弃 張张 彌弥 彎弯 彈弹 強强 歸归 當当 錄录 彥彦 徹彻 徑径 徠徕 憶忆 懺忏 憂忧 愾忾 懷怀 態态 慫怂 憮怃 慪怄 悵怅 愴怆 憐怜 總总 懟怼 懌怿 戀恋 懇恳 惡恶 慟恸 懨恹 愷恺 惻恻 惱恼 惲恽 悅悦 懸悬 慳悭 憫悯 驚惊 懼惧 慘惨 懲惩 憊惫 愜惬 慚惭 憚惮 慣惯 慍愠 憤愤 憒愦 願愿 懾慑 懣懑 懶懒 戇戆 戔戋 戲戏 戧戗 戰战 戩戬 戶户 紮扎 撲扑 託托 執执 擴扩 捫扪 掃扫 揚扬 擾扰 撫抚 拋抛 摶抟 摳抠 掄抡 搶抢 護护 報报 擔担 擬拟 攏拢 揀拣 擁拥 攔拦 擰拧 撥拨 擇择 掛挂 摯挚 攣挛 掗挜 撾挝 撻挞 挾挟 撓挠 擋挡 撟挢 掙挣 擠挤 揮挥 撏挦 撈捞 損损 撿捡 換换 搗捣 據据 擄掳 摑掴 擲掷 撣掸 摻掺 摜掼 攬揽 撳揿 攙搀 擱搁 摟搂 攪搅 攜携 攝摄 攄摅 擺摆 搖摇 擯摈 攤摊 攖撄 撐撑 攆撵 擷撷 擼撸 攛撺 擻擞 攢攒 敵敌 斂敛 數数 齋斋 斕斓 鬥斗 斬斩 斷断 無无 舊旧 時时 曠旷 暘旸 曇昙 晝昼 顯显 晉晋 曬晒 曉晓 曄晔 暈晕 暉晖 暫暂 曖暧 術术 樸朴 機机 殺杀 雜杂 權权 條条 來来 楊杨 榪杩 傑杰 極极 構构 樅枞 樞枢 棗枣 櫪枥 梘枧 棖枨 槍枪 楓枫 梟枭 櫃柜 檸柠 檉柽 梔栀 柵栅 標标 棧栈 櫛栉 櫳栊 棟栋 櫨栌 櫟栎 欄栏 樹树 棲栖 樣样 欒栾 椏桠 橈桡 楨桢 檔档 榿桤 橋桥 樺桦 檜桧 槳桨 樁桩 夢梦 檮梼 棶梾 檢检 欞棂 槨椁 櫝椟 槧椠 槤梿 欏椤 橢椭 樓楼 欖榄 櫬榇 櫚榈 櫸榉 檟槚 檻槛 檳槟 櫧槠 橫横 檣樯 櫻樱 櫫橥 櫥橱 櫓橹 櫞橼 檁檩 歡欢 歟欤 歐欧 殲歼 歿殁 殤殇 殘残 殞殒 殮殓 殫殚 殯殡 毆殴 毀毁 轂毂 畢毕 斃毙 氈毡 毿毵 氌氇 氣气 氫氢 氬氩 氳氲 匯汇 漢汉 湯汤 洶汹 溝沟 沒没 灃沣 漚沤 瀝沥 淪沦 滄沧 溈沩 滬沪 濘泞 淚泪 澩泶 瀧泷 瀘泸 濼泺 瀉泻 潑泼 澤泽 涇泾 潔洁 灑洒 窪洼 浹浃 淺浅 漿浆 澆浇 湞浈 濁浊 測测 澮浍 濟济 瀏浏 滻浐 渾浑 滸浒 濃浓 潯浔 濤涛 澇涝 淶涞 漣涟 潿涠 渦涡 渙涣 滌涤 潤润 澗涧 漲涨 澀涩 澱淀 淵渊 漬渍 瀆渎 漸渐 澠渑 漁渔 瀋沈 滲渗 溫温 灣湾 濕湿 潰溃 濺溅 漵溆 滾滚 滯滞 灩滟 灄滠 滿满 瀅滢 濾滤 濫滥 灤滦 濱滨 灘滩 澦滪 瀠潆 瀟潇 瀲潋 濰潍 潛潜 瀾澜 瀨濑 瀕濒 灝灏 滅灭 燈灯 靈灵 災灾 燦灿 煬炀 爐炉 燉炖 煒炜 熗炝 點点 煉炼 熾炽 爍烁 爛烂 烴烃 燭烛 煙烟 煩烦 燒烧 燁烨 燴烩 燙烫 燼烬 熱热 煥焕 燜焖 燾焘 愛爱 爺爷 牘牍 犛牦 牽牵 犧牺 犢犊 狀状 獷犷 獁犸 猶犹 狽狈 獮狝 獰狞 獨独 狹狭 獅狮 獪狯 猙狰 獄狱 猻狲 獫猃 獵猎 獼猕 玀猡 豬猪 貓猫 蝟猬 獻献 獺獭 璣玑 瑪玛 瑋玮 環环 現现 瑲玱 璽玺 瓏珑 琺珐 璫珰 琿珲 璉琏 瑣琐 瓊琼 瑤瑶 璦瑷 瓔璎 瓚瓒 甌瓯 電电 畫画 暢畅 疇畴 癤疖 療疗 瘧疟 癘疠 瘍疡 瘡疮 瘋疯 皰疱 痙痉 癢痒 瘂痖 癆痨 瘓痪 癇痫 癉瘅 瘮瘆 瘞瘗 瘻瘘 癟瘪 癱瘫 癮瘾 癭瘿 癩癞 癬癣 癲癫 皚皑 皺皱 皸皲 盞盏 鹽盐 監监 蓋盖 盜盗 盤盘 瞘眍 眥眦 矚瞩 睜睁 睞睐 瞼睑 瞞瞒 矯矫 礬矾 礦矿 碭砀 碼码 磚砖 硨砗 硯砚 碸砜 礪砺 礱砻 礫砾 礎础 硜硁 碩硕 硤硖 磽硗 確确 鹼碱 礙碍 磧碛 磣碜 禮礼 禕祎 禰祢 禍祸 禎祯 離离 禿秃 稈秆 種种 積积 稱称 穢秽 穠秾 穩稳 穡穑 窮穷 竊窃 竅窍 窯窑 竄窜 窩窝 窺窥 竇窦 豎竖 競竞 筆笔 筍笋 筧笕 箋笺 籠笼 籩笾 築筑 篳筚 篩筛 簹筜 箏筝 籌筹 簽签 簡简 籙箓 箏筝 節节 範范 篤笃 糴籴 類类 秈籼 糶粜 糲粝 粵粤 糞粪 糧粮 糝糁 餱糇 緊紧 縶絷 糾纠 紀纪 紂纣 約约 紅红 紆纡 紇纥 紈纨 紉纫 紋纹 納纳 紐纽 紓纾 純纯 紕纰 紗纱 紙纸 級级 紛纷 紜纭 紡纺 紖紖 細细 紳绅 紹绍 紺绀 終终 組组 絆绊 紼绋 絀绌 結结 絕绝 絡络 給给 絢绚 絳绛 統统 絹绢 綁绑 絛绦 經经 綃绡 綜综 綠绿 綴缀 緒绪 續续 綺绮 緋绯 綽绰 緄绲 繩绳 維维 綿绵 綬绶 綢绸 網网 綱纲 緞缎 緩缓 締缔 緯纬 編编 緣缘 線线 練练 緻致 縫缝 縮缩 織织 繳缴 繞绕 繪绘 縱纵 纖纤 纜缆 罰罚 罷罢 羅罗 羈羁 羥羟 義义 習习 翹翘 聞闻 聯联 聰聪 聲声 聳耸 職职 聶聂 肅肃 腸肠 膚肤 腎肾 腫肿 脹胀 脅胁 膽胆 勝胜 脈脉 腦脑 臟脏 臍脐 膠胶 腳脚 脫脱 臉脸 臘腊 膩腻 騰腾 艙舱 艦舰 艱艰 艷艳 藝艺 節节 芻刍 蘆芦 蘇苏 蘋苹 範范 莖茎 薦荐 莢荚 蕩荡 榮荣 葷荤 熒荧 藥药 蓮莲 獲获 螢萤 營营 蕭萧 薩萨 蔥葱 蔣蒋 藍蓝 蓽荜 藝艺 虜虏 慮虑 蟲虫 雖虽 蝦虾 螞蚂 蠶蚕 蠻蛮 蝕蚀 蟻蚁 蠔蚝 蠟蜡 補补 襯衬 襖袄 褲裤 裝装 襪袜 製制 複复 覺觉 覽览 視视 親亲 觀观 規规 覓觅 覬觊 訂订 計计 訊讯 討讨 訓训 記记 訛讹 講讲 許许 論论 設设 訪访 證证 評评 識识 詐诈 訴诉 診诊 詞词 譯译 試试 詩诗 誠诚 話话 誕诞 詢询 該该 詳详 語语 誤误 說说 請请 諸诸 諾诺 讀读 課课 誰谁 調调 談谈 謀谋 謊谎 謝谢 謠谣 謹谨 譜谱 議议 讓让 讚赞 豐丰 貝贝 負负 貢贡 財财 責责 賢贤 敗败 賬账 貨货 質质 販贩 貪贪 貧贫 購购 貯贮 貫贯 貳贰 賀贺 貴贵 貸贷 費费 貼贴 貿贸 資资 賈贾 賄贿 賊贼 賃赁 賂赂 賭赌 賠赔 賞赏 賜赐 賦赋 賴赖 賺赚 賽赛 贈赠 贊赞 趕赶 趙赵 趨趋 躍跃 踐践 蹤踪 車车 軌轨 軟软 轉转 輪轮 輕轻 載载 較较 輔辅 輛辆 輸输 轄辖 辭辞 邊边 遼辽 達达 遷迁 過过 邁迈 運运 還还 這这 進进 遠远 違违 連连 遲迟 適适 選选 遜逊 遞递 郵邮 鄰邻 鄭郑 醜丑 醞酝 釀酿 釋释 裡里 裏里 鑒鉴 針针 釘钉 釣钓 鈕钮 鈔钞 鈣钙 鈴铃 鉛铅 銀银 銅铜 鋁铝 銷销 鋒锋 鋼钢 錢钱 錯错 鍋锅 鍵键 鍾钟 鐘钟 鎖锁 鏈链 鏡镜 鐵铁 門门 閃闪 閉闭 問问 閒闲 間间 閘闸 鬧闹 閱阅 闊阔 隊队 陽阳 陰阴 陣阵 階阶 際际 陸陆 陳陈 險险 隨随 隱隐 難难 雞鸡 離离 電电 霧雾 靜静 面面 頁页 頂顶 項项 順顺 須须 預预 頑顽 頓顿 領领 頻频 題题 額额 顏颜 願愿 類类 顧顾 風风 飛飞 飯饭 飲饮 飾饰 飽饱 餅饼 館馆 餓饿 饑饥 馬马 駕驾 驗验 騙骗 驅驱 體体 髮发 鬆松 魚鱼 鮮鲜 鳥鸟 鴨鸭 鵝鹅 麥麦 黃黄 齊齐 齒齿 龍龙 龜龟 醫医 麼么 錶表 鬱郁 範范 臺台 檯台 颱台 週周 註注 准准';
const T2S = new Map<string, string>();
for (const pair of T2S_PAIRS.split(' ')) {
  const chars = [...pair];
  if (chars.length === 2 && chars[0] !== chars[1]) T2S.set(chars[0]!, chars[1]!);
}

/** Full-width ASCII → half-width, ideographic space → space. */
/** Traditional → simplified for one code unit (identity when not in the table). */
export function toSimplified(cp: number): number {
  const s = T2S.get(String.fromCharCode(cp));
  return s === undefined ? cp : s.charCodeAt(0);
}

function toHalfWidth(cp: number): number {
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
  if (cp === 0x3000) return 0x20;
  return cp;
}

/**
 * Canonical form for analysis: half-width ASCII, common traditional characters simplified, control characters and
 * replacement chars dropped, runs of whitespace collapsed to one space, letters lower-cased. Offsets are NOT kept; use
 * `normalizeKeepOffsets` where spans into the original text matter (pre-fill).
 */
export function normalize(text: string | null | undefined, opts: { lower?: boolean; max?: number } = {}): string {
  if (!text) return '';
  const src = truncate(String(text), opts.max ?? MAX_TEXT_CHARS);
  return normalizeKeepOffsets(src, opts.lower ?? true);
}

// one code unit in → one code unit out, as a table: controls and replacement characters → space, full-width ASCII →
// half-width, the ideographic and no-break spaces → space, traditional → simplified (CJK block only, as before)
const UNIT_MAP = (() => {
  const m = new Uint16Array(65536);
  for (let cp = 0; cp < 65536; cp++) {
    let c = cp;
    if (c < 0x20 || c === 0x7f || c === 0xfffd || (c >= 0x80 && c < 0xa0) || c === 0x200b || c === 0xfeff) c = 0x20;
    c = toHalfWidth(c);
    if (c === 0xa0) c = 0x20;
    if (c >= 0x4e00 && c <= 0x9fff) {
      const t = T2S.get(String.fromCharCode(c));
      // the table's simplified forms are all single code units (one char out per char in)
      if (t !== undefined && t.length === 1) c = t.charCodeAt(0);
    }
    m[cp] = c;
  }
  return m;
})();
let unitBuf = new Uint16Array(1024);

/** Same as `normalize` but one output char per input UTF-16 unit (whitespace/control become ' ' rather than being
 * collapsed), so an index found in the result is an index into the input. A text that needs no change (most do not)
 * is returned as it is, without building a copy. */
export function normalizeKeepOffsets(text: string, lower = false): string {
  const collapse = lower; // only the analysis form collapses whitespace
  const n = text.length;
  // first unit that the normal form changes (or, collapsing, a run of spaces)
  let i = 0;
  let prevSpace = false;
  for (; i < n; i++) {
    const cp = text.charCodeAt(i);
    const c = UNIT_MAP[cp]!;
    if (c !== cp || (lower && c >= 0x41 && c <= 0x5a)) break;
    if (c === 0x20) {
      if (collapse && prevSpace) break;
      prevSpace = true;
    } else prevSpace = false;
  }
  if (i === n) return collapse ? text.trim() : text;
  if (unitBuf.length < n) unitBuf = new Uint16Array(2 * n);
  const buf = unitBuf;
  for (let k = 0; k < i; k++) buf[k] = text.charCodeAt(k);
  let o = i;
  for (; i < n; i++) {
    let c = UNIT_MAP[text.charCodeAt(i)]!;
    if (c === 0x20) {
      if (collapse && prevSpace) continue;
      prevSpace = true;
    } else {
      prevSpace = false;
      if (lower && c >= 0x41 && c <= 0x5a) c += 32;
    }
    buf[o++] = c;
  }
  // String.fromCharCode, not a TextDecoder: a lone surrogate stays as it is (a decoder would replace it)
  let out = '';
  for (let k = 0; k < o; k += 4096)
    out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(o, k + 4096)) as unknown as number[]);
  return collapse ? out.trim() : out;
}

/** Masks that sources put over personal data (XXXX, ***, ＊＊, ××) → one placeholder so they neither look like words
 * nor split templates apart. */
const MASK_RE = /(?:[xX×＊*]{2,}|\*+|某某)/g;
export function maskPlaceholders(text: string): string {
  return text.replace(MASK_RE, '▢');
}

/** Digits → 0: templates that differ only in dates, amounts and order numbers hash to the same shingles. */
export function foldDigits(text: string): string {
  return text.replace(/\d+(?:\.\d+)?/g, '0');
}

/** True for a code point in the CJK unified ideographs blocks. */
export function isCjk(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);
}

/** Share of CJK characters among letters — picks Chinese vs English analysis. */
export function cjkRatio(text: string): number {
  let cjk = 0;
  let letters = 0;
  for (let i = 0; i < text.length && i < 2000; i++) {
    const cp = text.charCodeAt(i);
    if (isCjk(cp)) {
      cjk++;
      letters++;
    } else if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) letters++;
  }
  return letters ? cjk / letters : 0;
}
