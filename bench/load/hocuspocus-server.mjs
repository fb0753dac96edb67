// Starts @hocuspocus/server 4.7 with no extensions (in memory), as the load benchmark's reference.
import { Server } from '@hocuspocus/server'

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true })
await server.listen()
