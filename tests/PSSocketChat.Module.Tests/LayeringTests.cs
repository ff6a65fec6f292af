using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using PSSocketChat.Commands;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    /// <summary>
    /// The cmdlets stay thin: behaviour lives in the engine, which cannot reach PowerShell's pipeline at all.
    /// </summary>
    public class LayeringTests
    {
        // The largest cmdlet method (about 340 bytes: Connect-SocketServer filling an options object, one engine call,
        // verbose lines and error mapping) plus a margin. Past this, a method does work that belongs in the engine.
        private const int MaxMethodIlBytes = 420;

        public static TheoryData<string> CmdletNames => new TheoryData<string>(CmdletSurface.All.Select(c => c.Name));

        [Fact]
        public void The_engine_does_not_reference_PowerShell_so_IO_threads_cannot_write_to_a_pipeline()
        {
            var references = typeof(SocketServer).Assembly.GetReferencedAssemblies().Select(a => a.Name);

            Assert.DoesNotContain("System.Management.Automation", references);
        }

        [Fact]
        public void The_engine_public_surface_holds_no_PowerShell_concern_and_no_seed_default()
        {
            // Completion text and quoting, wildcard names and the binding helpers for text, timeouts, encodings and
            // listen addresses are the module's; the seed's port and acknowledgement are the hosts' to set.
            var exported = typeof(SocketServer).Assembly.GetExportedTypes().Select(t => t.Name).ToList();
            var options = new SocketServerOptions();

            Assert.Empty(exported.Intersect(new[] { "Completions", "Completion", "NamePattern", "PlainText", "Timeouts", "TextEncodings", "ListenAddress", "Selection`1" }));
            Assert.Null(options.Acknowledgement);
            Assert.Equal(0, options.Port);
            Assert.DoesNotContain(exported, n => n.EndsWith("s", StringComparison.Ordinal) && exported.Contains(n.Substring(0, n.Length - 1)));
        }

        [Fact]
        public void The_module_ships_no_package_assemblies()
        {
            var references = typeof(SocketCmdlet).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

            Assert.All(references, r => Assert.True(
                r == "netstandard" || r == "System.Management.Automation" || r == typeof(SocketServer).Assembly.GetName().Name,
                $"PSSocketChat.dll references {r}; a binary module should bring nothing PowerShell might also load."));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Cmdlets_hold_no_state_but_their_parameters(string name)
        {
            var cmdlet = CmdletSurface.Named(name);
            var parameterFields = cmdlet.Parameters.Select(p => $"<{p.Name}>k__BackingField").ToHashSet();
            // Besides parameters, only what one invocation gathers from input PowerShell splits across records (a piped
            // byte array arrives a byte at a time): a readonly holder of the module's own.
            var fields = cmdlet.Type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral)
                .Where(f => !(f.IsInitOnly && !f.IsStatic && f.FieldType == typeof(PSSocketChat.Module.PipedBytes)))
                .Select(f => f.Name);

            Assert.All(fields, f => Assert.Contains(f, parameterFields));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Cmdlet_methods_are_small_calls_into_the_engine(string name)
        {
            var type = CmdletSurface.Named(name).Type;
            var methods = type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<CompilerGeneratedAttribute>() == null);

            foreach (var method in methods)
            {
                var size = method.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0;
                Assert.True(size <= MaxMethodIlBytes, $"{type.Name}.{method.Name} is {size} bytes of IL: move its behaviour into the engine.");
            }
        }
    }
}
