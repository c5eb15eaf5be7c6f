/**
 * The API methods whose input carries a file, and what a worker thread reads from it (a task of
 * tasks.ts). A handler of such a method gets the task's output from `fileTask`: either already
 * read (`prepared`: the browser shell had a large request body parsed, checked and read in one
 * worker, see dispatchBody) or read now in a worker.
 */
import type { ApiMethod } from '../../../shared/api'
import type { ParsedInput } from '../input'
import { localToday } from '../import/store'
import { runInWorker, type WorkerLimits } from './run'
import type { TaskInput, TaskName, TaskOutput } from './tasks'

/** A request body above this is parsed in a worker thread (when its method takes a file). */
export const LARGE_BODY_BYTES = 256 * 1024

interface Job<T extends TaskName> {
  task: T
  input: TaskInput<T>
  limits?: Partial<WorkerLimits>
}
const job = <T extends TaskName>(task: T, input: TaskInput<T>, limits?: Partial<WorkerLimits>): Job<T> => (limits ? { task, input, limits } : { task, input })

export const FILE_METHODS = {
  'documents.import': (i: ParsedInput<'documents.import'>) =>
    job('import', {
      name: i.name,
      dataBase64: i.dataBase64,
      clean: i.clean ?? false,
      split: i.split ?? false,
      today: localToday(),
      save: i.save ?? false,
      ...(i.keepLines ? { keepLines: i.keepLines } : {}),
      ...(i.pieces ? { pieces: i.pieces } : {}),
    }),
  'figures.readSheet': (i: ParsedInput<'figures.readSheet'>) => job('sheet', { name: i.name, dataBase64: i.dataBase64 }),
  'figures.import': (i: ParsedInput<'figures.import'>) => job('sheet', { name: i.name, dataBase64: i.dataBase64 }),
  'snippets.import': (i: ParsedInput<'snippets.import'>) => job('snippetFile', { name: i.name, dataBase64: i.dataBase64 }),
  'snippets.harvest': (i: ParsedInput<'snippets.harvest'>) => job('harvestFiles', { files: i.files }),
  'assets.add': (i: ParsedInput<'assets.add'>) => job('image', { dataBase64: i.dataBase64 }, { timeoutMs: 20_000, maxOldGenerationSizeMb: 256 }),
}

export type FileMethod = keyof typeof FILE_METHODS
type TaskOf<M extends FileMethod> = ReturnType<(typeof FILE_METHODS)[M]>['task']

export function isFileMethod(method: ApiMethod): method is FileMethod {
  return Object.prototype.hasOwnProperty.call(FILE_METHODS, method)
}

/** What the method's handler needs once the file is read: the input without the file's data. */
export function withoutFile<M extends FileMethod>(method: M, input: ParsedInput<M>): ParsedInput<M> {
  if (method === 'snippets.harvest') return { ...(input as ParsedInput<'snippets.harvest'>), files: [] } as ParsedInput<M>
  return { ...input, dataBase64: '' }
}

/** The file of a method's input, read in a worker thread (or as it was read already: `prepared`). */
export async function fileTask<M extends FileMethod>(method: M, input: ParsedInput<M>, prepared?: unknown): Promise<TaskOutput<TaskOf<M>>> {
  if (prepared !== undefined) return prepared as TaskOutput<TaskOf<M>>
  const { task, input: taskInput, limits } = (FILE_METHODS[method] as (i: ParsedInput<M>) => Job<TaskName>)(input)
  return (await runInWorker(task, taskInput as never, limits)) as TaskOutput<TaskOf<M>>
}
