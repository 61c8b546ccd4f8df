using Alg.Cli;

return AlgCommandLine.Run(args, Console.Out, Console.Error);
