namespace Messaging.LoadTest;

/// <summary>Where the repository and the service's Release build are, found from the harness's own location.</summary>
internal sealed record RepositoryLayout(string Root, string? ServiceDirectory = null)
{
    public string ApiProject => Path.Combine(Root, "src", "Api", "Messaging.Api.csproj");

    public string ApiDirectory => ServiceDirectory ?? Path.Combine(Root, "src", "Api", "bin", "Release", "net10.0");

    public string ApiAssembly => Path.Combine(ApiDirectory, "Messaging.Api.dll");

    public static RepositoryLayout Find(string? serviceDirectory = null)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Messaging.sln")))
            {
                return new RepositoryLayout(directory.FullName, serviceDirectory);
            }
        }

        throw new InvalidOperationException("Messaging.sln was not found above " + AppContext.BaseDirectory);
    }
}
