using BenchmarkDotNet.Running;
using EventGovernance.Benchmarks.Growth;

// --growth [filter...]: the growth table (thread CPU time and allocations per size); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--growth")
    return GrowthMode.Run(args.Skip(1).ToArray());

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
