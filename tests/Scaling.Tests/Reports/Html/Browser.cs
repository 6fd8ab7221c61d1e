using Microsoft.Playwright;

namespace Scaling.Tests.Reports.Html;

/// <summary>
/// The system Chromium (Debian's <c>chromium</c>, installed by .ci/install-deps) driven by Playwright, started once for
/// every browser test. Playwright's driver ships in its NuGet package; no browser is downloaded. A missing Chromium
/// fails the tests with the command that installs it; it never skips them.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private IPlaywright? playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>The Chromium executable: <c>SCALING_CHROMIUM</c> if set, else the first of the usual Linux paths that exists.</summary>
    public static string ExecutablePath()
    {
        string? configured = Environment.GetEnvironmentVariable("SCALING_CHROMIUM");
        string? found = string.IsNullOrEmpty(configured) ? Candidates.FirstOrDefault(File.Exists) : configured;
        return found is not null && File.Exists(found)
            ? found
            : throw new InvalidOperationException(
                "Chromium was not found (looked for SCALING_CHROMIUM, " + string.Join(", ", Candidates) + "); install it with: bash .ci/install-deps");
    }

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>The tests that share one <see cref="Browser"/> and the reports it opens.</summary>
[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An xUnit collection definition, named as xUnit names them.")]
public sealed class BrowserCollection : ICollectionFixture<Browser>, ICollectionFixture<ReportPages>
{
    public const string Name = "browser";
}
