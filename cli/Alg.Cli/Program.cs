using System.Text;
using Alg.Cli;

// Console.Out writes through a 256-byte buffer, so a long lint report was thousands of write system calls. This
// writer flushes on every call like Console.Out (live output of `alg run` stays live) but a call is one write.
var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Console.OutputEncoding;
using var stdout = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 64 * 1024) { AutoFlush = true };
return AlgCommandLine.Run(args, TextWriter.Synchronized(stdout), Console.Error);
