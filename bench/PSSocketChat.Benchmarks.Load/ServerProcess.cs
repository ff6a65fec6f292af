using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// A server under test in a process of its own (the console host, or this program's floor server), optionally
    /// pinned to one core with taskset, on 127.0.0.1 and a port the OS chose, read from its "listening on" line.
    /// </summary>
    internal sealed class ServerProcess : IDisposable
    {
        private static readonly Regex Listening = new Regex(@"listening on (?<address>[^\s]+):(?<port>\d+)");
        private readonly Process _process;

        private ServerProcess(Process process, IPEndPoint endPoint)
        {
            _process = process;
            EndPoint = endPoint;
        }

        public IPEndPoint EndPoint { get; }

        public int Id => _process.Id;

        /// <summary>Starts <paramref name="arguments"/> under dotnet (pinned to <paramref name="core"/> when given) and waits for its port.</summary>
        public static ServerProcess Start(string dll, string arguments, int? core)
        {
            var start = core is int c
                ? new ProcessStartInfo("taskset", $"-c {c} dotnet \"{dll}\" {arguments}")
                : new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}");
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
            var line = ReadLineWithin(process.StandardOutput, TimeSpan.FromSeconds(30));
            var match = line is null ? null : Listening.Match(line);
            if (match is null || !match.Success)
            {
                Kill(process);
                throw new InvalidOperationException($"{dll} {arguments} did not say where it listens: '{line}' {process.StandardError.ReadToEnd()}");
            }

            // Output is off in the runs (--quiet), but what the server still writes must never fill the pipe and stall it.
            process.BeginErrorReadLine();
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            return new ServerProcess(process, new IPEndPoint(IPAddress.Loopback, int.Parse(match.Groups["port"].Value)));
        }

        /// <summary>Resident memory now, from /proc (the process is dotnet itself: taskset execs it).</summary>
        public long ResidentBytes()
        {
            var status = File.ReadAllLines($"/proc/{_process.Id}/status");
            var rss = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }

        public void Dispose() => Kill(_process);

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        private static string? ReadLineWithin(StreamReader reader, TimeSpan bound)
        {
            var line = reader.ReadLineAsync();
            return line.Wait(bound) ? line.Result : null;
        }
    }
}
