using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using Xunit;

namespace PSSocketChat.Tests.Engine
{
    /// <summary>
    /// PowerShell's WriteObject works only on the pipeline thread. The engine keeps that rule by construction:
    /// it never calls out of its I/O threads, so everything reaches a caller through a take on the caller's thread.
    /// </summary>
    public class ThreadingRuleTests
    {
        private static readonly Type[] PublicEngineTypes = typeof(SocketServer).Assembly.GetExportedTypes();

        [Fact]
        public void The_engine_exposes_no_events()
        {
            Assert.Empty(PublicEngineTypes.SelectMany(t => t.GetEvents()).Select(e => $"{e.DeclaringType}.{e.Name}"));
        }

        [Fact]
        public void No_public_member_takes_or_returns_a_callback()
        {
            var callbacks =
                from type in PublicEngineTypes
                where !typeof(Delegate).IsAssignableFrom(type) || Fail($"public delegate type {type}")
                from member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                from memberType in TypesOf(member)
                where typeof(Delegate).IsAssignableFrom(memberType)
                select $"{type.Name}.{member.Name}";

            Assert.Empty(callbacks);
        }

        [Fact]
        public void Messages_reach_the_consumer_on_the_consumers_own_thread()
        {
            using var server = Loopback.StartServer();
            using var client = Loopback.Connect(server);
            client.Send("¿en qué hilo?");
            int? takerThread = null;
            SocketMessage? taken = null;

            var consumer = new Thread(() =>
            {
                taken = server.Inbox.NextMessage();
                _ = taken.Text;
                takerThread = Environment.CurrentManagedThreadId;
            });
            consumer.Start();
            Assert.True(consumer.Join(Loopback.Patience));

            Assert.Equal(consumer.ManagedThreadId, takerThread);
            Assert.Equal("¿en qué hilo?", taken!.Text);
        }

        private static bool Fail(string what) => throw new Xunit.Sdk.XunitException($"Callback surface: {what}");

        private static Type[] TypesOf(MemberInfo member) => member switch
        {
            MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray(),
            ConstructorInfo constructor => constructor.GetParameters().Select(p => p.ParameterType).ToArray(),
            PropertyInfo property => new[] { property.PropertyType },
            FieldInfo field => new[] { field.FieldType },
            _ => Array.Empty<Type>(),
        };
    }
}
