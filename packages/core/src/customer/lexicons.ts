import type { CustomerTurn, Mood } from './read-turn.js';

/**
 * Situation and mood from a Thai, Korean or Chinese customer message: signal phrases per
 * situation and mood words per language, weighed like a team's own situation signals (weights
 * add up, the highest total wins). No npm package holds a maintained sentiment lexicon for these
 * languages, so the phrases are written here, from support conversations' own wording.
 */
interface Lexicon {
  situations: Record<string, Array<[RegExp, number]>>;
  moods: Partial<Record<Mood, Array<[RegExp, number]>>>;
  resolved: RegExp;
}

const ZH: Lexicon = {
  situations: {
    'billing-failure': [[/扣款失败|扣款失敗|付款失败|付款失敗|支付失败|支付失敗|交易失败|被拒|拒付|刷不了|付不了款|无法付款|無法付款|续费失败|續費失敗|扣费失败|银行卡.{0,6}(?:失败|不能用|被拒)/, 4]],
    outage: [[/打不开|打不開|崩了|宕机|宕機|无法访问|無法訪問|服务中断|服務中斷|登不上去|连不上|連不上|挂了|掛了|服务器.{0,4}(?:问题|故障|挂)|一直转圈|加载不出|502|503|504/, 3]],
    security: [[/被盗|被盜|盗号|盜號|被黑|黑客|駭客|异常登录|異常登錄|陌生.{0,4}登录|不是我(?:本人)?(?:操作|登录|买的|消费)|诈骗|詐騙|钓鱼|釣魚|盗刷|盜刷|被人改了密码/, 4]],
    bereavement: [[/去世|过世|過世|离世|離世|病逝|身故|遗产|遺產|死亡证明|死亡證明|节哀|葬礼|葬禮|已故|走了.{0,6}(?:账户|账号)/, 5]],
    complaint: [[/投诉|投訴|太差|太烂|垃圾|差评|差評|骗子|騙子|什么破|欺骗|不满|不滿|忍无可忍|气死|氣死|消协|12315/, 3]],
    cancellation: [[/取消订阅|取消訂閱|退订|退訂|注销|註銷|销户|不想用了|不再续费|关闭自动续费|取消会员|取消會員/, 3]],
    bug: [[/bug|闪退|閃退|报错|報錯|出错|出錯|显示不正常|顯示不正常|点不了|點不了|没反应|沒反應|卡住|异常|功能.{0,4}(?:失效|不能用)/i, 2]],
    refund: [[/退款|退钱|退錢|退费|退費|退货|退貨|钱还没退|返还|退回/, 3]],
    'shipping-delay': [[/快递|快遞|物流|包裹|还没到|還沒到|还没收到|還沒收到|没发货|沒發貨|延迟发货|配送|派送|几天了还/, 3]],
    'account-access': [[/登录不了|登錄不了|登不进|无法登录|無法登錄|登录失败|忘记密码|忘記密碼|账号被锁|帳號被鎖|账户被冻结|收不到验证码|验证码收不到/, 3]],
    'feature-request': [[/建议|建議|希望(?:能|可以)?增加|能不能加|可否增加|新功能|什么时候支持|能否支持/, 2]],
    'how-to': [[/怎么|怎麼|如何|在哪里|在哪裡|哪里可以|請問|请问|教程|步骤/, 1]],
    praise: [[/谢谢|謝謝|感谢|感謝|太棒了|好评|好評|满意|滿意|点赞|點讚|给力|辛苦了/, 2]],
  },
  moods: {
    angry: [[/气死|氣死|垃圾|骗子|騙子|投诉|投訴|太过分|忍无可忍|什么破|滚|恶心|噁心|！{2,}|!{2,}/, 3]],
    frustrated: [[/又|还是不行|還是不行|第[二三四五]次|一直|好几次|好幾次|到底|怎么还|怎麼還|失望/, 2], [/(?:[一二两兩三四五六七八九十几幾\d]+\s*(?:个|個)?\s*(?:小时|小時|天|周|週|星期|月))了|还没|還沒|不了|收不到/, 2]],
    anxious: [[/着急|著急|急用|担心|擔心|害怕|怎么办|怎麼辦|马上|馬上|急/, 2]],
    confused: [[/不明白|不懂|搞不清|看不懂|为什么|為什麼|怎么回事|怎麼回事/, 2]],
    grieving: [[/去世|过世|過世|离世|離世|病逝|节哀|葬礼/, 4]],
    pleased: [[/谢谢|謝謝|感谢|感謝|太棒了|满意|滿意|给力|开心|開心/, 2]],
  },
  resolved: /已经好了|已經好了|解决了|解決了|恢复了|恢復了|可以用了|没问题了|沒問題了|收到了/,
};

const KO: Lexicon = {
  situations: {
    'billing-failure': [[/결제.{0,8}실패|결제\s*(?:가\s*)?(?:실패|오류|안\s*돼|안\s*되|거절|승인\s*거절)|카드\s*(?:가\s*)?(?:거절|승인\s*안)|결제가\s*안|자동\s*결제.{0,6}(?:실패|안)|결제\s*불가/, 4]],
    outage: [[/접속(?:이)?\s*안|접속\s*불가|먹통|서버\s*(?:다운|오류|장애)|다운됐|장애|안\s*열려|로딩(?:이)?\s*안|앱이\s*안\s*켜|502|503/, 3]],
    security: [[/해킹|도용|무단\s*(?:로그인|결제|사용)|모르는\s*(?:로그인|결제)|제가\s*(?:하지|결제하지|로그인하지)\s*않은|피싱|사기|이상한\s*로그인|비밀번호가\s*바뀌/, 4]],
    bereavement: [[/돌아가셨|별세|사망|장례|고인|유족|상을\s*당|세상을\s*떠나/, 5]],
    complaint: [[/불만|최악|어이없|황당|실망|화가|짜증|소비자\s*(?:원|보호)|신고하|항의|너무하/, 3]],
    cancellation: [[/해지|구독\s*취소|탈퇴|그만\s*쓰|자동\s*갱신\s*(?:해제|취소)|멤버십\s*취소/, 3]],
    bug: [[/버그|오류가\s*(?:나|떠|발생)|에러|튕겨|멈춰|작동(?:이)?\s*안|안\s*눌려|깨져/, 2]],
    refund: [[/환불|돈\s*돌려|취소\s*금액|반품/, 3]],
    'shipping-delay': [[/배송(?:이)?\s*(?:안|지연|늦|언제)|택배|아직\s*(?:도\s*)?(?:안\s*왔|못\s*받|도착)|송장|출고(?:가)?\s*안/, 3]],
    'account-access': [[/로그인(?:이)?\s*(?:안|불가|실패)|비밀번호(?:를)?\s*(?:잊|까먹)|계정(?:이)?\s*(?:잠|정지|잠겼)|인증번호(?:가)?\s*(?:안\s*와|오지)/, 3]],
    'feature-request': [[/기능\s*(?:추가|요청)|추가해\s*주(?:시면|세요)|건의|있으면\s*좋겠/, 2]],
    'how-to': [[/어떻게|방법|어디서|어디에서|알려\s*주세요|궁금/, 1]],
    praise: [[/감사합니다|고맙습니다|최고|친절|만족|덕분에|칭찬/, 2]],
  },
  moods: {
    angry: [[/어이없|황당|최악|짜증|화가|신고|장난하|미쳤|열받|!{2,}|\?{2,}/, 3]],
    frustrated: [[/또|계속|몇\s*번|여러\s*번|도대체|아직도|벌써\s*[몇두세]/, 2], [/째|지났는데|아직|안\s*와요|안\s*됩니다|안\s*돼요|튕겨/, 2]],
    anxious: [[/급해|급합니다|걱정|불안|빨리|어떡|어떻게\s*해야/, 2]],
    confused: [[/모르겠|이해가\s*안|헷갈|왜\s*그런/, 2]],
    grieving: [[/돌아가셨|별세|장례|고인|상을\s*당/, 4]],
    pleased: [[/감사합니다|고맙습니다|최고|만족|덕분에|좋아요/, 2]],
  },
  resolved: /해결됐|해결되었|이제\s*(?:잘\s*)?돼요|이제\s*됩니다|정상(?:적으로)?\s*(?:작동|돼)|받았어요|받았습니다/,
};

const TH: Lexicon = {
  situations: {
    'billing-failure': [[/ชำระ(?:เงิน)?ไม่(?:ผ่าน|สำเร็จ|ได้)|ตัดเงินไม่(?:ผ่าน|สำเร็จ|ได้)|จ่ายเงินไม่(?:ผ่าน|ได้)|บัตร(?:ถูก)?ปฏิเสธ|บัตรไม่ผ่าน|ต่ออายุไม่สำเร็จ/, 4]],
    outage: [[/ล่ม|เข้าไม่ได้|ใช้งานไม่ได้|เว็บ(?:ไซต์)?ไม่ขึ้น|แอป(?:พลิเคชัน)?(?:เปิด)?ไม่ได้|เซิร์ฟเวอร์|ระบบขัดข้อง|โหลดไม่ขึ้น|เชื่อมต่อไม่ได้/, 3]],
    security: [[/โดนแฮ็ก|ถูกแฮ็ก|แฮ็ก|มิจฉาชีพ|หลอกลวง|ถูกขโมย|โดนขโมย|มีคนเข้า(?:บัญชี|ใช้)|ไม่ได้ทำรายการเอง|รายการที่ไม่ได้ทำ|ฟิชชิ่ง|ถูกดูดเงิน|โดนดูดเงิน/, 4]],
    bereavement: [[/เสียชีวิต|ถึงแก่กรรม|งานศพ|ผู้เสียชีวิต|จากไปแล้ว|สิ้นใจ|ใบมรณบัตร|มรณบัตร/, 5]],
    complaint: [[/ร้องเรียน|แย่มาก|ผิดหวัง|ไม่พอใจ|บริการแย่|สคบ|โกง|ห่วยแตก|ห่วย/, 3]],
    cancellation: [[/ยกเลิก(?:การ)?(?:สมาชิก|บริการ|แพ็กเกจ|ต่ออายุ)|ยกเลิกบัญชี|ปิดบัญชี|ไม่ใช้แล้ว|เลิกใช้/, 3]],
    bug: [[/บั๊ก|error|เด้งออก|ค้าง|แสดงผลผิด|กดไม่ได้|ทำงานผิดปกติ|ขึ้นข้อผิดพลาด/i, 2]],
    refund: [[/คืนเงิน|ขอเงินคืน|เงินคืน|คืนสินค้า|ยังไม่ได้เงินคืน/, 3]],
    'shipping-delay': [[/พัสดุ|ยังไม่ได้(?:รับ)?(?:ของ|สินค้า)|ของยังไม่มา|ส่งช้า|จัดส่งล่าช้า|ขนส่ง|เลขแทร็ก|ติดตามพัสดุ/, 3]],
    'account-access': [[/เข้าสู่ระบบไม่ได้|ล็อกอินไม่ได้|ลืมรหัสผ่าน|บัญชี(?:ถูก)?ล็อก|ไม่ได้รับ(?:รหัส)?\s*OTP|OTP\s*ไม่มา|รีเซ็ตรหัสผ่านไม่ได้/, 3]],
    'feature-request': [[/อยากให้(?:มี|เพิ่ม)|เสนอแนะ|ขอฟีเจอร์|เพิ่มฟังก์ชัน/, 2]],
    'how-to': [[/ทำยังไง|ทำอย่างไร|วิธี|ตรงไหน|ที่ไหน|ยังไงคะ|ยังไงครับ|สอบถาม/, 1]],
    praise: [[/ขอบคุณมาก|บริการดีมาก|ประทับใจ|ชอบมาก|เยี่ยม|สุดยอด/, 2], [/ขอบคุณ/, 1]],
  },
  moods: {
    angry: [[/โกรธ|โมโห|ห่วย|แย่มาก|โกง|ร้องเรียน|สคบ|ไม่ไหวแล้ว|!{2,}/, 3]],
    frustrated: [[/อีกแล้ว|หลายครั้ง|ทุกครั้ง|ตั้งหลายวัน|ยังไม่|ทำไมยัง|ผิดหวัง/, 2], [/ไม่ได้เลย|ไม่มา|(?:ชั่วโมง|วัน|อาทิตย์|สัปดาห์)แล้ว/, 2]],
    anxious: [[/กังวล|ด่วน|รีบ|กลัว|ทำยังไงดี|เดือดร้อน/, 2]],
    confused: [[/ไม่เข้าใจ|งง|สับสน|ทำไม/, 2]],
    grieving: [[/เสียชีวิต|ถึงแก่กรรม|งานศพ|จากไปแล้ว/, 4]],
    pleased: [[/ขอบคุณมาก|ประทับใจ|ดีใจ|ชอบมาก|เยี่ยม|สุดยอด/, 2]],
  },
  resolved: /ใช้ได้แล้ว|แก้ได้แล้ว|เรียบร้อยแล้ว|ได้รับแล้ว|ได้รับเงินคืนแล้ว|หายแล้ว/,
};

export const LEXICONS: Readonly<Record<string, Lexicon>> = { zh: ZH, ko: KO, th: TH };

/** Situations in the order ties are broken: the more sensitive first. */
const TIE_ORDER = ['bereavement', 'security', 'billing-failure', 'outage', 'complaint', 'cancellation', 'account-access', 'refund', 'shipping-delay', 'bug', 'feature-request', 'how-to', 'praise'];

/** Reads a customer message in a language with a lexicon: the situation and mood its words show. */
export function readLexiconTurn(message: string, language: string): CustomerTurn {
  const lexicon = LEXICONS[language]!;
  // Thanks end many requests ("请问怎么改发票？谢谢"): praise is the topic only when nothing else is.
  let best: { id: string; score: number; evidence: string[] } | undefined;
  let praise: { id: string; score: number; evidence: string[] } | undefined;
  for (const id of TIE_ORDER) {
    let score = 0;
    const evidence: string[] = [];
    for (const [pattern, weight] of lexicon.situations[id] ?? []) {
      const found = [...message.matchAll(new RegExp(pattern.source, `g${pattern.flags}`))].map((match) => match[0]);
      if (found.length) {
        score += weight + (found.length - 1) * 0.5;
        evidence.push(...found.filter((word, index) => found.indexOf(word) === index));
      }
    }
    if (score <= 0) continue;
    if (id === 'praise') praise = { id, score, evidence };
    else if (!best || score > best.score) best = { id, score, evidence };
  }
  let mood: { id: Mood; score: number; evidence: string[] } = { id: 'calm', score: 0, evidence: [] };
  for (const [id, patterns] of Object.entries(lexicon.moods) as Array<[Mood, Array<[RegExp, number]>]>) {
    let score = 0;
    const evidence: string[] = [];
    for (const [pattern, weight] of patterns) {
      const found = [...message.matchAll(new RegExp(pattern.source, `g${pattern.flags}`))].map((match) => match[0]);
      if (found.length) {
        score += weight + (found.length - 1);
        evidence.push(...found);
      }
    }
    if (score > mood.score) mood = { id, score, evidence };
  }
  const resolved = lexicon.resolved.exec(message);
  // A security scare is worrying even when said calmly: with no other sign, the customer is anxious.
  if (mood.score === 0 && best?.id === 'security') mood = { id: 'anxious', score: 1, evidence: best.evidence.slice(0, 1) };
  if (resolved && mood.id === 'calm' && praise) mood = { id: 'pleased', score: 1, evidence: praise.evidence.slice(0, 1) };
  // A thank-you once the problem is solved is praise ("可以用了，谢谢"); without thanks, a solved problem has no topic left.
  const situation = resolved ? praise : (best ?? praise);
  return {
    situation: situation?.id ?? null,
    situationConfidence: situation ? Math.min(0.95, 0.5 + situation.score / 10) : 0,
    mood: mood.id,
    moodConfidence: mood.score ? Math.min(0.95, 0.4 + mood.score / 10) : 0.5,
    resolved: Boolean(resolved),
    situationEvidence: situation?.evidence.slice(0, 3) ?? [],
    ...(situation && situation.score >= 3 ? { situationSignal: situation.evidence[0] } : {}),
    moodEvidence: mood.evidence.slice(0, 3),
    resolvedEvidence: resolved ? [resolved[0]] : [],
  };
}
