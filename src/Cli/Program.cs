using System.Globalization;
using Scaling.Cli;

// Threads the tool starts (parallel fits) inherit the invariant culture too.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
return ScalingApp.Run(args, Console.Out, Console.Error);
