// Starts s3rver (an S3-compatible server) for the lake's upload test: node serve.js <data folder> <bucket>; prints the port
const S3rver = require('@20minutes/s3rver')
const [directory, bucket] = process.argv.slice(2)
new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] })
  .run()
  .then(({ port }) => console.log(`s3rver listening on ${port}`))
  .catch((e) => { console.error(e); process.exit(1) })
