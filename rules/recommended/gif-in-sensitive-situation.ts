import { defineRule } from '@preach/core';
import { findAll } from '../src/helpers/sentences.js';

/** Hosts that serve reaction GIFs; a link to them is a GIF whatever its extension. */
const GIF_HOST = /(?:^|\/\/|\.)(?:giphy\.com|gph\.is|tenor\.com|tenor\.co|gifer\.com|imgflip\.com\/gif)/i;
const GIF_FILE = /\.gifv?(?:$|[?#])/i;
/**
 * Markers help desks and chat tools leave in the text: "[GIF]", "(gif)", "*sends a gif*", and in
 * Chinese and Korean chat apps "[动画表情]" / "[动图]" (an animated sticker) and "[움짤]".
 */
const GIF_MARKER = /\[\s*gif\s*\]|\(\s*gif\s*\)|\b(?:sends?|sending|here'?s)\s+an?\s+gif\b|<gif>|[[【(（]\s*(?:动画表情|動畫表情|动图|動圖|GIF\s*动图|움짤|ภาพเคลื่อนไหว)\s*[\]】)）]/gi;

export default defineRule(
  {
    id: 'gif-in-sensitive-situation',
    languages: ['en', 'th', 'ko', 'zh'],
    category: 'empathetic',
    severity: 'error',
    fixable: false,
    // What it finds in a sentence never depends on the rest of the reply.
    scope: 'paragraph',
    when: { sensitivity: 'high' },
    docs: {
      description: 'GIFs (images ending in .gif, Giphy or Tenor links, [GIF] markers) when the situation is sensitive.',
      why: 'A reaction GIF is playful. On a failed payment, an outage, a security scare or a bereavement it tells the customer we are not taking their problem seriously. Keep GIFs for good news and thank-you notes.',
      examples: {
        bad: [
          {
            text: "We're on it. ![working hard](https://media.giphy.com/media/3o7btPCcdNniyf0ArS/giphy.gif)",
            context: { customerMessage: 'Your app has been down for two hours.' },
          },
          { text: "Fixing it now https://tenor.com/view/cat-typing-gif-123456", context: { situation: 'outage' } },
          { text: 'Your card is updated [GIF]', context: { situation: 'billing-failure' } },
          { text: '我们正在修复 ![加油](https://media.giphy.com/media/3o7btPCcdNniyf0ArS/giphy.gif)', context: { customerMessage: '你们的网站又打不开了，已经两个小时了！' } },
          { text: '카드 정보가 변경되었습니다 [GIF]', context: { situation: 'billing-failure' } },
          { text: '扣款失败是因为卡片过期，您更换卡片后重新支付即可。[动画表情]', context: { situation: 'billing-failure' }, note: 'What WeChat and similar tools leave in the text for an animated sticker.' },
          { text: '복구 작업 중입니다 [움짤]', context: { situation: 'outage' } },
        ],
        good: [
          { text: 'ขอบคุณมากค่ะ ดีใจที่ชอบนะคะ ![ดีใจ](https://media.giphy.com/media/l0MYt5jPR6QX5pnqM/giphy.gif)', context: { situation: 'praise' } },
          {
            text: "Thank you! That made our day. ![celebrate](https://media.giphy.com/media/l0MYt5jPR6QX5pnqM/giphy.gif)",
            context: { customerMessage: 'Your team is amazing, thank you!' },
          },
          {
            text: 'The outage started at 09:40 and service is back since 10:15. The status graph is here: ![status](https://status.example.com/graph.png)',
            context: { situation: 'outage' },
          },
          {
            text: '服务已于10:15恢复，故障时段的监控截图如下：[图片]',
            context: { situation: 'outage' },
          },
        ],
      },
    },
  },
  (context) => {
    for (const link of context.analysis.links()) {
      const url = link.url.trim();
      if (GIF_HOST.test(url) || GIF_FILE.test(url)) {
        context.report({ message: `No GIFs in a ${context.reply.situation.id} conversation: say plainly what happened and what you are doing.`, start: link.start, end: link.end });
      }
    }
    if (!/gif|动画表情|動畫表情|动图|動圖|움짤|ภาพเคลื่อนไหว/i.test(context.prose)) return;
    for (const marker of findAll(GIF_MARKER, context.prose)) {
      context.report({ message: `No GIFs in a ${context.reply.situation.id} conversation: say plainly what happened and what you are doing.`, start: marker.start, end: marker.end });
    }
  },
);
