import { describe, expect, it } from 'vitest'
import { computeFeatures } from '../src/features.js'
import type { Block } from '../src/types.js'

const block = (index: number, text: string): Block => ({ index, text, gapBefore: 1, dom: null }) as Block

describe('computeFeatures: prose in scripts written without spaces', () => {
  const blocks = [
    block(0, '时政 地方 法治 高层 人事 理论 国际 军事 访谈 港澳 台湾 华人 财经 汽车 房产 教育 科技 能源 体育 文化 健康 旅游 时尚 娱乐 游戏 视频 图片 评论 专题 直播'),
    block(1, '二月十七日，在武汉血液中心，康复病人和医护人员一起捐献血浆，希望帮助更多的患者早日康复，也让更多的人看到希望。'),
  ]
  const [menu, paragraph] = computeFeatures(blocks, { lang: 'zh' })

  it('reads a line of short space-separated pieces as a menu, however long', () => {
    expect(menu!.features.chars).toBeGreaterThan(80)
    expect(menu!.features.prose).toBe(false)
  })

  it('reads a sentence without spaces as prose', () => {
    expect(paragraph!.features.prose).toBe(true)
  })
})

describe('computeFeatures: a sentence that ends inside closing quotes', () => {
  const endings = ['„Ja, das stimmt.“', '‚Ja, das stimmt.‘', '»Ja, das stimmt.«', '›Ja, das stimmt.‹', '« Oui, c’est vrai. »', '“Yes, that is true.”', 'He said: “Yes.” (AP)']
  it.each(endings)('%s ends a sentence', (text) => {
    const [evidence] = computeFeatures([block(0, text)], { lang: null })
    expect(evidence!.features.terminalPunctuation).toBe(true)
  })

  it('an opening quote at the end of a line ends no sentence', () => {
    const [evidence] = computeFeatures([block(0, 'Read the interview under the headline „')], { lang: null })
    expect(evidence!.features.terminalPunctuation).toBe(false)
  })
})
