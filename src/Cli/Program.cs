using Scaling.Cli;

return ScalingApp.Run(args, Console.Out, Console.Error);
