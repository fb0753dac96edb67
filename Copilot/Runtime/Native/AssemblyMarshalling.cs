using System.Runtime.CompilerServices;

// The llama.h structs are passed by value. With runtime marshalling disabled, a C# struct is
// passed exactly as laid out in memory (bool = 1 byte), so what the layout test proves is what
// crosses the boundary.
[assembly: DisableRuntimeMarshalling]
