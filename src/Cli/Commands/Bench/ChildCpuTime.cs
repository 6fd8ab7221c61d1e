using System.Runtime.InteropServices;

namespace Scaling.Cli.Commands.Bench;

/// <summary>
/// CPU time (user + system) used by this process's finished child processes, from <c>getrusage(RUSAGE_CHILDREN)</c>:
/// the difference across one child run is that child's CPU time, which a busy shared machine does not inflate the way it
/// inflates wall time. Null where the call is not available (Windows).
/// </summary>
internal static class ChildCpuTime
{
    private const int RusageChildren = -1;

    /// <summary>Seconds of CPU used so far by children that have exited and been waited for, or null.</summary>
    public static double? Seconds()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            return GetResourceUsage(RusageChildren, out var usage) == 0
                ? usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // struct rusage on 64-bit Linux and macOS (little-endian): two struct timeval of 16 bytes each (64-bit seconds, then
    // the microseconds, below 10^6, in the low 4 bytes of the next 8) followed by 14 long counters this code does not read.
    [StructLayout(LayoutKind.Explicit, Size = 144)]
    private struct ResourceUsage
    {
        [FieldOffset(0)]
        public long UserSeconds;
        [FieldOffset(8)]
        public int UserMicroseconds;
        [FieldOffset(16)]
        public long SystemSeconds;
        [FieldOffset(24)]
        public int SystemMicroseconds;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
}
