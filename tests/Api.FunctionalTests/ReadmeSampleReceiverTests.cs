namespace Messaging.Api.FunctionalTests;

/// <summary>The README's sample receiver is the code the webhook tests receive through, not a copy that can drift.</summary>
public sealed class ReadmeSampleReceiverTests
{
    private const string Start = "// <sample-receiver>";
    private const string End = "// </sample-receiver>";

    [Test]
    public void The_readme_shows_the_sample_receiver_the_tests_use()
    {
        var root = RepositoryRoot();
        var tested = Region(File.ReadAllLines(Path.Combine(root, "tests", "Api.FunctionalTests", "SampleReceiver.cs")));
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");

        Assert.That(tested, Has.Count.GreaterThan(10));
        Assert.That(readme, Does.Contain(string.Join("\n", tested)), "README.md's sample receiver differs from tests/Api.FunctionalTests/SampleReceiver.cs.");
    }

    // The lines between the markers, without the indentation they have inside the test's method.
    private static List<string> Region(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.Trim() == Start);
        var end = Array.FindIndex(lines, l => l.Trim() == End);
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), "The markers of the sample receiver are missing.");
        var region = lines[(start + 1)..end];
        var indent = region.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return [.. region.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Messaging.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Messaging.sln was not found above the test's directory.");
    }
}
