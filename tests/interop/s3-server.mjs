// A real S3-compatible server for the backup tests: s3rver, keeping objects as files under the
// given directory (so a test can look at what the bucket holds at rest). Prints READY {port} and
// runs until its stdin closes. s3rver checks the access key id but not the SigV4 signature.
// Config (argv[2], JSON): { directory, bucket }
import S3rver from 's3rver'

const { directory, bucket } = JSON.parse(process.argv[2])
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] })
const { port } = await server.run()
console.log('READY ' + JSON.stringify({ port }))
process.stdin.resume()
process.stdin.on('end', async () => { await server.close(); process.exit(0) })
