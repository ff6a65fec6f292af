using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace PSSocketChat.Tests.Cli
{
    /// <summary>
    /// One of the classroom seed programs (tests/Seed, servidor.py or cliente.py) run by this machine's Python, with
    /// its standard streams redirected; killed, if still running, when disposed.
    /// </summary>
    internal sealed class SeedProgram : IDisposable
    {
        private SeedProgram(Process process) => Process = process;

        public Process Process { get; }

        public static SeedProgram Start(string program, params string[] arguments)
        {
            var info = new ProcessStartInfo(FindPython())
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            info.Environment["PYTHONIOENCODING"] = "utf-8";
            info.ArgumentList.Add(Path.Combine(SeedFolder(), program));
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            return new SeedProgram(Process.Start(info)!);
        }

        /// <summary>servidor.py on loopback and a port the system chooses; returns it once it listens, with its port.</summary>
        public static (SeedProgram Server, int Port) StartServer()
        {
            var server = Start("servidor.py", "127.0.0.1", "0");
            var line = server.ReadLine();
            return (server, int.Parse(line.Substring(line.LastIndexOf(':') + 1)));
        }

        public string ReadLine()
        {
            var line = Process.StandardOutput.ReadLineAsync();
            Assert.True(line.Wait(Loopback.Patience), "The seed program printed nothing.");
            if (line.Result is null)
            {
                // Read only now: standard error ends only when the program does.
                Assert.Fail($"The seed program ended: {Process.StandardError.ReadToEnd()}");
            }

            return line.Result!;
        }

        public string ReadToEnd()
        {
            Assert.True(Process.WaitForExit(Loopback.Patience), "The seed program did not end.");
            return Process.StandardOutput.ReadToEnd();
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit(Loopback.Patience);
            }

            Process.Dispose();
        }

        private static string FindPython()
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var name in new[] { "python3", "python", "python3.exe", "python.exe" })
            {
                var found = path.Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
                if (found != null)
                {
                    return found;
                }
            }

            throw new InvalidOperationException("These tests run the original Python programs: put python3 (or python) on PATH.");
        }

        private static string SeedFolder()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                var seed = Path.Combine(directory.FullName, "tests", "Seed");
                if (Directory.Exists(seed))
                {
                    return seed;
                }
            }

            throw new InvalidOperationException("tests/Seed was not found above " + AppContext.BaseDirectory);
        }
    }
}
