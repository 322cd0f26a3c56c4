const {defaultSchemaRoots, resolveSchemaEntry}=require('./dist/invoice/xsd/schemas');
const {xsdEngine}=require('./dist/invoice/xsd/engine');
(async()=>{
const roots=defaultSchemaRoots();
const eng=xsdEngine(roots);
const tiny=Buffer.from('<a/>');
let t=performance.now();
for (const s of (process.env.ORDER||'').split(',')){
  const e=resolveSchemaEntry(s,roots);
  await eng.validate(e,tiny);
  const n=performance.now(); console.log(s,(n-t).toFixed(0)); t=n;
}
await eng.terminate();
})();
