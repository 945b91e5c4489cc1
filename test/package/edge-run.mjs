// Runs an ES module bundle in a bare V8 context, as an edge runtime or a
// browser worker would: ECMAScript built-ins and a few web APIs, no Node
// built-ins, no require, no process. Any import in the bundle fails linking.
// Usage: node --experimental-vm-modules edge-run.mjs BUNDLE SEED → prints the article as JSON.
import { readFileSync } from 'node:fs'
import vm from 'node:vm'

const [bundlePath, seedPath] = process.argv.slice(2)
const context = vm.createContext({ TextDecoder, TextEncoder, URL, console })
const module = new vm.SourceTextModule(readFileSync(bundlePath, 'utf8'), { context, identifier: 'edge-bundle.js' })
await module.link((specifier) => {
  throw new Error(`the bundle imports ${specifier}`)
})
await module.evaluate()
const probe = vm.runInContext('[typeof process, typeof require, typeof Buffer, typeof module]', context)
const article = module.namespace.extract(readFileSync(seedPath, 'utf8'))
console.log(JSON.stringify({ globals: probe, title: article.title, wordCount: article.wordCount, mode: article.mode }))
