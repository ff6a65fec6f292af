using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PSSocketChat.Benchmarks.Load
{
    /// <summary>
    /// Where the time goes, from a dotnet-trace thread-time trace in Speedscope form: per frame, its own time and its
    /// inclusive time, as shares of the time the server's threads were busy. dotnet-trace samples every managed
    /// thread, waiting or not, so time whose innermost frame is a wait (an idle thread-pool worker, the accept loop,
    /// the console host's consumer asleep in the inbox) is left out of "busy" and reported on its own.
    /// </summary>
    internal static class ProfileSummary
    {
        private static readonly string[] WaitFrames =
        {
            "Monitor.Wait", "WaitHandle", "WaitOne", "LowLevelLifoSemaphore", "LowLevelMonitor", "Thread.Sleep",
            "SpinWait", "WaitForSocketEvents", "epoll_wait", "SemaphoreSlim.Wait", "Task.Wait", "ManualResetEventSlim.Wait",
            "Thread.StartCore", "ThreadNative", "Console.ReadLine",
        };

        public static string Summarize(string speedscopeFile, int top)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(speedscopeFile));
            var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "?").ToArray();
            var self = new double[frames.Length];
            var inclusive = new double[frames.Length];
            double busy = 0, waiting = 0;
            foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
            {
                var stack = new List<int>();
                double last = 0;
                foreach (var e in profile.GetProperty("events").EnumerateArray())
                {
                    var at = e.GetProperty("at").GetDouble();
                    var span = at - last;
                    if (stack.Count > 0 && span > 0)
                    {
                        var innermost = stack[^1];
                        if (stack.Any(f => IsWait(frames[f])))
                        {
                            waiting += span;
                        }
                        else
                        {
                            busy += span;
                            self[innermost] += span;
                            foreach (var f in stack.Distinct())
                            {
                                inclusive[f] += span;
                            }
                        }
                    }

                    last = at;
                    var frame = e.GetProperty("frame").GetInt32();
                    if (e.GetProperty("type").GetString() == "O")
                    {
                        stack.Add(frame);
                    }
                    else if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.LastIndexOf(frame) is var i && i >= 0 ? i : stack.Count - 1);
                    }
                }
            }

            var text = new StringBuilder();
            text.AppendLine($"Busy thread time {busy / 1000:0.0} s, waiting {waiting / 1000:0.0} s (left out). The frames with the most time of their own, and their inclusive time, as shares of busy time:").AppendLine();
            text.AppendLine("| Frame | self | inclusive |");
            text.AppendLine("|---|---|---|");
            foreach (var i in Enumerable.Range(0, frames.Length).OrderByDescending(i => self[i]).Take(top))
            {
                text.AppendLine($"| `{Shorten(frames[i])}` | {Percent(self[i], busy)} | {Percent(inclusive[i], busy)} |");
            }

            text.AppendLine().AppendLine("The engine's own frames by inclusive time:").AppendLine();
            text.AppendLine("| Frame | inclusive | self |");
            text.AppendLine("|---|---|---|");
            foreach (var i in Enumerable.Range(0, frames.Length).Where(i => frames[i].Contains("PSSocketChat", StringComparison.Ordinal)).OrderByDescending(i => inclusive[i]).Take(top))
            {
                text.AppendLine($"| `{Shorten(frames[i])}` | {Percent(inclusive[i], busy)} | {Percent(self[i], busy)} |");
            }

            return text.ToString();
        }

        private static bool IsWait(string frame) => WaitFrames.Any(w => frame.Contains(w, StringComparison.Ordinal));

        private static string Percent(double part, double whole) =>
            whole <= 0 ? "–" : (part / whole * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

        // Module prefixes ("System.Private.CoreLib!") and argument lists make the table unreadable; the method says enough.
        private static string Shorten(string frame)
        {
            var bang = frame.IndexOf('!');
            var name = bang >= 0 ? frame.Substring(bang + 1) : frame;
            var paren = name.IndexOf('(');
            name = paren > 0 ? name.Substring(0, paren) : name;
            return name.Replace("|", "\\|", StringComparison.Ordinal);
        }
    }
}
