/**
 * The names on the wire of the collaboration hub (`/hubs/collab`, CollabServer/Hubs), in one
 * place for every client. They must match the server's exactly: a .NET test
 * (tests/Collab.Server.Tests/Hubs/HubNamesTests.cs) reads this file and compares it with the
 * hub's public methods and the event names it sends, so a rename on either side fails there.
 */

/** Methods a client invokes on the hub: `CollabHub`'s public methods. */
export const HubMethods = {
  JoinRoom: 'JoinRoom',
  SendUpdate: 'SendUpdate',
  SendAwareness: 'SendAwareness',
  LeaveRoom: 'LeaveRoom',
  JoinChat: 'JoinChat',
  LeaveChat: 'LeaveChat',
  SendChatMessage: 'SendChatMessage',
  EditChatMessage: 'EditChatMessage',
  DeleteChatMessage: 'DeleteChatMessage',
  GetChatHistory: 'GetChatHistory',
  SearchChat: 'SearchChat',
  MarkChatRead: 'MarkChatRead',
  SendTyping: 'SendTyping',
  AskCopilot: 'AskCopilot',
  StopCopilot: 'StopCopilot',
  RetryCopilot: 'RetryCopilot',
  RunCells: 'RunCells',
  InterruptKernel: 'InterruptKernel',
  RestartKernel: 'RestartKernel',
  ShutdownKernel: 'ShutdownKernel',
  ChangeKernel: 'ChangeKernel',
  ListKernels: 'ListKernels',
  ListVersions: 'ListVersions',
  DiffVersion: 'DiffVersion',
  SaveCheckpoint: 'SaveCheckpoint',
  RestoreVersion: 'RestoreVersion'
} as const

/** Events the hub sends to clients: `CollabHub`'s and `ChatHubEvents`' name constants. */
export const HubEvents = {
  ReceiveUpdate: 'ReceiveUpdate',
  ReceiveAwareness: 'ReceiveAwareness',
  RoomClosed: 'RoomClosed',
  AccessChanged: 'AccessChanged',
  ChatMessage: 'ChatMessage',
  ChatMessageEdited: 'ChatMessageEdited',
  ChatMessageDeleted: 'ChatMessageDeleted',
  ChatChunk: 'ChatChunk',
  ChatMessageClosed: 'ChatMessageClosed',
  Typing: 'Typing',
  Mention: 'Mention',
  ReadMarker: 'ReadMarker'
} as const

export type HubMethod = typeof HubMethods[keyof typeof HubMethods]
export type HubEvent = typeof HubEvents[keyof typeof HubEvents]
