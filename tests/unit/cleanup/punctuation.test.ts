import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { halfToFullPunctuation as full } from '../../../shared/cleanup'

describe('halfToFullPunctuation: , : ; ! between Chinese', () => {
  it.each([
    ['工作扎实,成效明显', '工作扎实，成效明显'],
    ['主要做法:一是学习', '主要做法：一是学习'],
    ['完成任务;超额完成', '完成任务；超额完成'],
    ['大家辛苦了!', '大家辛苦了！'],
    ['迎检准备!!', '迎检准备！！'],
    ['采用WPS,方便快捷', '采用WPS，方便快捷'], // Latin before, Chinese after
    ['负责人:Tom', '负责人：Tom'], // Chinese before, Latin after
    ['达到100%,同比上升', '达到100%，同比上升'], // a digit and % before, Chinese after
    ['2025年3月,4月又', '2025年3月，4月又'],
    ['“创新”,“协调”', '“创新”，“协调”'], // punctuation between is skipped when looking for Chinese
    ['会议结束,\n下午继续', '会议结束，\n下午继续'],
  ])('%s → %s', (input, output) => {
    expect(full(input)).toBe(output)
  })

  it.each([
    ['共1,000元'], // thousands separator
    ['投入12,345,678元'],
    ['上午10:30开会'], // time
    ['时间10:30:15'],
    ['比例为3:1'],
    ['第3,4季度'], // digit-comma-digit is left: a number as far as the rule can tell
    ['Tel:010-1234'], // no Chinese anywhere
    ['采用e.g. Word, Excel等软件'], // Latin phrase inside Chinese
    ['使用Word,Excel,PowerPoint等'],
    ['Hello, world; ok: yes!'],
  ])('keeps %s', (input) => {
    expect(full(input)).toBe(input)
  })

  it('converts the mark after a time or date, not inside it', () => {
    expect(full('时间:10:30,地点:会议室')).toBe('时间：10:30，地点：会议室')
    expect(full('日期:2025-03-01,共3天')).toBe('日期：2025-03-01，共3天')
  })

  it('removes the spaces a converted mark makes redundant, but not line breaks', () => {
    expect(full('采用WPS, 方便')).toBe('采用WPS，方便')
    expect(full('工作 , 下一步')).toBe('工作，下一步')
    expect(full('工作,\t\n 下一步')).toBe('工作，\n 下一步') // the next line's indentation is the spaces command's
    expect(full('Word, Excel')).toBe('Word, Excel')
  })
})

describe('halfToFullPunctuation: question marks', () => {
  it('converts a "?" that ends a Chinese sentence', () => {
    expect(full('是否落实到位?')).toBe('是否落实到位？')
    expect(full('是否落实到位? \n下一步')).toBe('是否落实到位？\n下一步')
    expect(full('他问:“落实了吗?”')).toBe('他问：“落实了吗？”')
    expect(full('真的吗?!')).toBe('真的吗？！')
  })
  it('leaves a "?" between Chinese characters: it stands for a character lost in copying', () => {
    expect(full('推进?区建设')).toBe('推进?区建设')
    expect(full('what?')).toBe('what?')
  })
})

describe('halfToFullPunctuation: brackets', () => {
  it.each([
    ['(一)加强组织领导', '（一）加强组织领导'],
    ['(1)召开动员会', '（1）召开动员会'], // content digits, followed by Chinese
    ['组织各村(居)开展自查', '组织各村（居）开展自查'],
    ['办公软件(Word、Excel)', '办公软件（Word、Excel）'],
    ['使用软件(Word)的', '使用软件（Word）的'],
    ['参加 (含志愿者) 人员', '参加（含志愿者）人员'],
    ['资金(含(上级)补助)到位', '资金（含（上级）补助）到位'],
    ['（一)加强', '（一）加强'], // half matched with full
    ['(一）加强', '（一）加强'],
  ])('%s → %s', (input, output) => {
    expect(full(input)).toBe(output)
  })

  it.each([['f(x) = y'], ['see (a) and (b)'], ['多了一个)括号'], ['缺(右括号'], ['Word (Office)']])('keeps %s', (input) => {
    expect(full(input)).toBe(input)
  })

  it('does not pair brackets across line breaks', () => {
    expect(full('开展(活动\n完成)')).toBe('开展(活动\n完成)')
  })
})

describe('halfToFullPunctuation: quotes and ellipses', () => {
  it.each([
    ['开展"十个一"活动', '开展“十个一”活动'],
    ['称为 "智慧社区" 项目', '称为“智慧社区”项目'],
    ['他说"OK"就走了', '他说“OK”就走了'], // Latin content, Chinese around
    ['"学习强国"和"志愿汇"平台', '“学习强国”和“志愿汇”平台'],
    ['“创新"和"协调”', '“创新”和“协调”'], // straight halves of curly pairs
  ])('%s → %s', (input, output) => {
    expect(full(input)).toBe(output)
  })

  it('keeps quotes without Chinese and an unpaired quote', () => {
    expect(full('say "hello" now')).toBe('say "hello" now')
    expect(full('开展"活动')).toBe('开展"活动')
    expect(full("学习'四史'")).toBe("学习'四史'")
  })

  it.each([
    ['等等...还有', '等等……还有'],
    ['宣传、培训......', '宣传、培训……'],
    ['等等。。。还有', '等等……还有'],
    ['等等…还有', '等等……还有'],
    ['等等………还有', '等等……还有'],
    ['等等...…', '等等……'],
  ])('ellipsis %s → %s', (input, output) => {
    expect(full(input)).toBe(output)
  })

  it.each([['Loading...'], ['1...5'], ['工作..'], ['结束了。'], ['等等……。'], ['等...Word']])('keeps %s', (input) => {
    expect(full(input)).toBe(input)
  })
})

describe('halfToFullPunctuation: URLs and e-mail addresses', () => {
  it('never touches them, but converts the mark after them', () => {
    expect(full('详见http://a.cn/x?a=1,b=2,其他')).toBe('详见http://a.cn/x?a=1,b=2，其他')
    expect(full('网址:www.example.cn/(a),欢迎')).toBe('网址：www.example.cn/(a)，欢迎')
    expect(full('邮箱:office@town.gov.cn,电话:12345')).toBe('邮箱：office@town.gov.cn，电话：12345')
  })
})

// ---------------------------------------------------------------------------------------------
// properties

const ALPHABET = [
  ...'社区工作开展会议群众文明创建年月日次人',
  ...'abcXYZ019０１',
  ...',:;()!?".',
  ...'，：；（）！？“”…。、%-/@',
  ' ', ' ', '\u3000', '\t', '\n', '\ufffc',
]
const mixed = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 60 })
const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ019,:;()!?". \t\n-/@%'), maxLength: 60 })

/** Everything the command may not change: blanks and the ellipsis characters dropped, each targeted mark and its full-width form made one. */
function skeleton(s: string): string {
  const same: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?', '“': '"', '”': '"' }
  return [...s.replace(/[ \t\u3000.。…]/g, '')].map((c) => same[c] ?? c).join('')
}

describe('halfToFullPunctuation: properties', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(mixed, (s) => full(full(s)) === full(s)), { numRuns: 3000 })
  })
  it('changes nothing but the targeted marks and blanks next to them', () => {
    fc.assert(fc.property(mixed, (s) => skeleton(full(s)) === skeleton(s)), { numRuns: 3000 })
  })
  it('never changes text with no Chinese in it', () => {
    fc.assert(fc.property(ascii, (s) => full(s) === s), { numRuns: 2000 })
  })
  it('leaves no half-width , : ; ! between two Han characters', () => {
    fc.assert(fc.property(mixed, (s) => !/[\u4e00-\u9fff][,:;!][\u4e00-\u9fff]/.test(full(s))), { numRuns: 3000 })
  })
  it('keeps line breaks and never touches a figure mark', () => {
    fc.assert(fc.property(mixed, (s) => {
      const out = full(s)
      return out.split('\n').length === s.split('\n').length && out.split('\ufffc').length === s.split('\ufffc').length
    }), { numRuns: 2000 })
  })
})
