using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Random;
using Scaling.Allocation;
using Scaling.Fitting;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;
using Scaling.Laws;

// dotnet run -c Release --project benchmarks/MathNetComparison [-- lbfgs|parabola|random|golden]
// CPU seconds of this process (the median of a few repetitions), one thread, so the numbers mean the same on a busy
// machine as on an idle one.
string only = args.Length > 0 ? args[0] : "all";
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (only is "all" or "lbfgs")
{
    Lbfgs();
}

if (only is "all" or "parabola")
{
    Parabola();
}

if (only is "all" or "random")
{
    RandomSource();
}

if (only is "all" or "golden")
{
    Golden();
}

static double CpuSeconds(Action action, int repetitions)
{
    var seconds = new double[repetitions];
    using var process = Process.GetCurrentProcess();
    for (int r = 0; r < repetitions; r++)
    {
        process.Refresh();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        seconds[r] = (process.TotalProcessorTime - before).TotalSeconds;
    }

    Array.Sort(seconds);
    return seconds[repetitions / 2];
}

// The paper's 4,500-start grid on 240 synthetic runs (as 'scaling bench'), in double precision throughout, on one thread:
// our L-BFGS against MathNet's BFGS and L-BFGS minimising the same objective to the same gradient tolerance.
static void Lbfgs()
{
    var runs = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { TotalRuns = 240 });
    var data = new FitData(runs);
    var objective = new HuberLogLossObjective(data.Count, 1e-3, data.LogParametersCenter, data.LogTokensCenter);
    objective.Load(data.LogN, data.LogD, data.LogL, data.Ones);
    double tolerance = 1e-9 * 1e-3 * data.Count;
    int starts = InitialGrid.Hoffmann2022.Count;
    var natural = new double[5];
    var centered = new double[5];

    var ours = new Scaling.Fitting.Optimization.Lbfgs(5);
    double best = double.PositiveInfinity;
    int converged = 0;
    double seconds = CpuSeconds(
        () =>
        {
            best = double.PositiveInfinity;
            converged = 0;
            for (int i = 0; i < starts; i++)
            {
                InitialGrid.Hoffmann2022.Point(i, natural);
                objective.ToCentered(natural, centered);
                var outcome = ours.Minimize(objective, centered, tolerance, 1000);
                best = Math.Min(best, outcome.Value);
                converged += outcome.Stop == LbfgsStop.GradientTolerance ? 1 : 0;
            }
        },
        3);
    Console.WriteLine($"L-BFGS, {starts} starts on {data.Count} runs, one thread, double precision: ours {seconds:0.000} s CPU, best objective {best:R}, {converged} converged");

    var gradient = new double[5];
    var function = ObjectiveFunction.Gradient(v =>
    {
        double value = objective.Evaluate(v.ToArray(), gradient);
        return (value, Vector<double>.Build.DenseOfArray((double[])gradient.Clone()));
    });
    foreach (var (name, minimizer) in new (string, IUnconstrainedMinimizer)[]
    {
        ("MathNet BfgsMinimizer", new BfgsMinimizer(tolerance, 1e-12, 1e-12, 1000)),
        ("MathNet LimitedMemoryBfgsMinimizer (memory 10)", new LimitedMemoryBfgsMinimizer(tolerance, 1e-12, 1e-12, 10, 1000)),
    })
    {
        int failed = 0;
        best = double.PositiveInfinity;
        seconds = CpuSeconds(
            () =>
            {
                best = double.PositiveInfinity;
                failed = 0;
                for (int i = 0; i < starts; i++)
                {
                    InitialGrid.Hoffmann2022.Point(i, natural);
                    objective.ToCentered(natural, centered);
                    try
                    {
                        best = Math.Min(best, minimizer.FindMinimum(function, Vector<double>.Build.DenseOfArray(centered)).FunctionInfoAtMinimum.Value);
                    }
                    catch (Exception e) when (e is OptimizationException or MathNet.Numerics.NonConvergenceException)
                    {
                        failed++;
                    }
                }
            },
            1);
        Console.WriteLine($"  {name}: {seconds:0.000} s CPU, best objective {best:R}, {failed} starts threw");
    }
}

// One IsoFLOP parabola (24 sizes, as Approach 2 fits per group and per bootstrap resample): QuadraticFit against
// MathNet's Fit.Polynomial (QR) on the same centred x.
static void Parabola()
{
    const int n = 24, fits = 200_000;
    var random = new Random(1);
    var x = new double[n];
    var y = new double[n];
    for (int i = 0; i < n; i++)
    {
        x[i] = 18 + (6.0 * i / n);
        y[i] = 2 + (0.05 * (x[i] - 21) * (x[i] - 21)) + (0.01 * random.NextDouble());
    }

    double sink = 0;
    double ours = CpuSeconds(() => { for (int k = 0; k < fits; k++) { sink += QuadraticFit.Fit(x, y).Vertex; } }, 5);
    double center = x.Average();
    double mathNet = CpuSeconds(
        () =>
        {
            for (int k = 0; k < fits; k++)
            {
                var u = x.Select(v => v - center).ToArray();
                var p = MathNet.Numerics.Fit.Polynomial(u, y, 2);
                sink += center - (p[1] / (2 * p[2]));
            }
        },
        3);
    var p = MathNet.Numerics.Fit.Polynomial(x.Select(v => v - center).ToArray(), y, 2);
    Console.WriteLine($"Parabola, {n} points: QuadraticFit {ours / fits * 1e9:0} ns per fit, MathNet Fit.Polynomial {mathNet / fits * 1e9:0} ns; vertex {QuadraticFit.Fit(x, y).Vertex:R} and {center - (p[1] / (2 * p[2])):R} ({sink:E1})");
}

// Bootstrap draws: an index in [0, 240) and a uniform double, ours (SeededRandom) against MathNet's Xoshiro256StarStar.
static void RandomSource()
{
    const int draws = 50_000_000;
    double sink = 0;
    double oursIndex = CpuSeconds(() => { var r = new SeededRandom(1, 3); for (int i = 0; i < draws; i++) { sink += r.NextInt(240); } }, 3);
    double mathNetIndex = CpuSeconds(() => { var r = new Xoshiro256StarStar(1, false); for (int i = 0; i < draws; i++) { sink += r.Next(240); } }, 3);
    double oursDouble = CpuSeconds(() => { var r = new SeededRandom(1, 3); for (int i = 0; i < draws; i++) { sink += r.NextDouble(); } }, 3);
    double mathNetDouble = CpuSeconds(() => { var r = new Xoshiro256StarStar(1, false); for (int i = 0; i < draws; i++) { sink += r.NextDouble(); } }, 3);
    Console.WriteLine($"Random, {draws} draws: index in [0, 240) ours {oursIndex / draws * 1e9:0.0} ns, MathNet {mathNetIndex / draws * 1e9:0.0} ns; double ours {oursDouble / draws * 1e9:0.0} ns, MathNet {mathNetDouble / draws * 1e9:0.0} ns ({sink:E1})");
}

// The golden-section refinement of LogScaleMinimizer (ln N in the scan's best cell) against MathNet's
// GoldenSectionMinimizer on the same bracket: the loss on the frontier's iso-FLOP line at 1e24 FLOPs, once with the
// optimum inside the searched range and once with the range starting above it (a size floor).
static void Golden()
{
    var law = LawPresets.Hoffmann2022.LossLaw!;
    double flops = 1e24;
    double optimum = ComputeOptimalFrontier.Create(law).Optimum(flops).Parameters;
    double Loss(double n) => law.Loss(n, flops / (6 * n));
    foreach (var (what, lower, upper) in new[] { ("optimum inside", optimum / 10, optimum * 10), ("range above the optimum", optimum * 2, optimum * 20) })
    {
        double ours = Scaling.Allocation.LogScaleMinimizer.Minimize(Loss, lower, upper);
        string mathNet;
        try
        {
            var objective = ObjectiveFunction.ScalarValue(x => Loss(Math.Exp(x)));
            var found = GoldenSectionMinimizer.Minimum(objective, Math.Log(lower), Math.Log(upper), 1e-11);
            double n = Math.Exp(found.MinimizingPoint);
            mathNet = $"N = {n:G6}{(n < lower || n > upper ? " (outside the range)" : string.Empty)}";
        }
        catch (OptimizationException e)
        {
            mathNet = $"threw {e.GetType().Name}: {e.Message}";
        }

        Console.WriteLine($"Golden section, {what} [{lower:G4}, {upper:G4}]: ours N = {ours:G6}; MathNet {mathNet}");
    }
}
