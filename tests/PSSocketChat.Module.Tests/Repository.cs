using System;
using System.IO;

namespace PSSocketChat.Module.Tests
{
    /// <summary>Files of this repository, found from the test's output folder.</summary>
    internal static class Repository
    {
        public static readonly string Root = FindRoot();

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PSSocketChat.psd1")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (with PSSocketChat.psd1) was not found above " + AppContext.BaseDirectory);
        }
    }
}
