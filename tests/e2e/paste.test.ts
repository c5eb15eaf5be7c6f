import { describe, expect, it } from 'vitest'
import { pasteInto, useE2E } from '../helpers/e2e'

const e2e = useE2E()

const freshDocument = () => e2e.newDocument('粘贴测试')

const paste = pasteInto

// What Word and WPS put on the clipboard, in spirit: Office markup, styles, a script, an image.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:宋体}</style><script>window.pwned = true</script></head>
<body><p class=MsoNormal style="font-family:黑体;color:red">一、<b>全年工作</b>回顾<o:p></o:p></p>
<p class=MsoNormal><span style="font-weight:bold">（一）抓好宣传。</span>全镇发放<u>宣传册</u>，
<i>覆盖</i>各村。</p>
<p><img src="http://example.invalid/tracker.png">图片之后的文字</p>
<iframe src="http://example.invalid/"></iframe>
<table><tr><td>项目</td><td>数量</td></tr><tr><td><b>会议</b></td><td>12次</td></tr></table></body></html>`

describe('paste', () => {
  it('keeps paragraphs, bold, italic, underline and tables from Word, drops the rest, and recognizes headings', async () => {
    const page = await freshDocument()
    await paste(page, { 'text/html': WORD_HTML, 'text/plain': '一、全年工作回顾' })
    await expect.poll(() => page.locator('.dd-heading').count()).toBe(2)
    expect(await page.locator('.dd-heading-1').innerText()).toBe('全年工作回顾')
    expect(await page.locator('.dd-heading-1 .dd-bold').innerText()).toBe('全年工作')
    expect(await page.locator('.dd-heading-2 .dd-runin').innerText()).toBe('全镇发放宣传册，覆盖各村。')
    expect(await page.locator('.dd-heading-2 .dd-underline').innerText()).toBe('宣传册')
    expect(await page.locator('.dd-heading-2 .dd-italic').innerText()).toBe('覆盖')
    expect(await page.locator('.document-body table td').allInnerTexts()).toEqual(['项目', '数量', '会议', '12次'])
    expect(await page.locator('.document-body img, .document-body iframe, .document-body [style*="red"]').count()).toBe(0)
    expect(await page.evaluate('window.pwned === true')).toBe(false)
    expect(await page.locator('.document-body').innerText()).toContain('图片之后的文字')
  })

  it('recognizes markers in pasted plain text, and one click undoes only the recognition', async () => {
    const page = await freshDocument()
    await paste(page, { 'text/plain': '一、基本情况\n全年召开会议。\n二、主要做法\n（一）强化领导。成立工作专班。' })
    await expect.poll(() => page.locator('.outline li[data-key] .outline-jump').allInnerTexts()).toEqual(['一、基本情况', '二、主要做法', '（一）强化领导。'])
    await page.click('button:has-text("撤销识别")')
    await expect.poll(() => page.locator('.dd-heading').count()).toBe(0)
    const text = await page.locator('.document-body').innerText()
    expect(text).toContain('一、基本情况')
    expect(text).toContain('（一）强化领导。成立工作专班。')
  })
})
