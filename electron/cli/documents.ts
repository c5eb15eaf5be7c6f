/** `new`, `list`, `show`: the documents of the 文稿库. */
import { documentArg, printList, t, type Command, type CommandGroup } from './command'

const create: Command = {
  words: ['new'],
  summary: t('新建文稿，打印其 ID', 'create a document and print its id'),
  options: ['title', 'json'],
  async run(ctx) {
    const record = await ctx.call('documents.create', { title: ctx.values.title ?? '' })
    if (ctx.values.json) ctx.json({ id: record.id, title: record.model.title })
    else ctx.line(record.id)
  },
}

const list: Command = {
  words: ['list'],
  summary: t('列出文稿：ID、修改时间、字数、标题', 'list the documents: id, last change, characters, title'),
  options: ['trash', 'json'],
  async run(ctx) {
    const docs = await ctx.call('documents.list', { trash: ctx.values.trash ?? false })
    const unreadable = t('[无法读取]', '[unreadable]')[ctx.lang]
    printList(ctx, docs, (d) => `${d.id}\t${new Date(d.updatedAt).toISOString()}\t${t(`${d.characters}字`, `${d.characters} chars`)[ctx.lang]}\t${d.title}${d.invalid ? `\t${unreadable}` : ''}`)
  },
}

const show: Command = {
  words: ['show'],
  args: 'ID',
  summary: t('打印文稿的文档模型（JSON，即存储格式）', 'print the document model (JSON, the stored format)'),
  options: ['json'],
  async run(ctx, args) {
    const record = await ctx.call('documents.get', { id: documentArg(show, args) })
    ctx.json(record.model)
  },
}

export const documentsGroup: CommandGroup = {
  name: 'documents',
  title: t('文稿', 'documents'),
  commands: [create, list, show],
}
