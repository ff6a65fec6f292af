using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    public class FormatViewTests
    {
        private static readonly XDocument Views = XDocument.Load(Repository.PathOf("src", "PSSocketChat", "PSSocketChat.format.ps1xml"));

        public static TheoryData<string> OutputTypeNames => new TheoryData<string>(
            CmdletSurface.All.SelectMany(c => c.OutputTypes).Select(t => t.FullName!).Distinct());

        [Theory]
        [MemberData(nameof(OutputTypeNames))]
        public void Every_output_type_has_a_table_view_whose_columns_exist(string typeName)
        {
            var view = Views.Descendants("View").SingleOrDefault(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeName);
            Assert.True(view != null, $"No view for {typeName} in PSSocketChat.format.ps1xml.");

            var table = view!.Element("TableControl")!;
            var headers = table.Descendants("TableColumnHeader").ToList();
            var items = table.Descendants("TableColumnItem").ToList();
            Assert.Equal(headers.Count, items.Count);

            var type = typeof(SocketServer).Assembly.GetType(typeName)!;
            foreach (var property in items.Select(i => i.Element("PropertyName")?.Value).Where(p => p != null))
            {
                Assert.True(type.GetProperty(property!) != null, $"{typeName} has no property {property}.");
            }

            foreach (var (header, item) in headers.Zip(items))
            {
                Assert.True(header.Element("Label") != null || item.Element("PropertyName") != null, "A script block column needs a label.");
            }
        }

        [Theory]
        [MemberData(nameof(OutputTypeNames))]
        public void Every_column_is_named_after_a_property_so_Select_Object_finds_it(string typeName)
        {
            var view = Views.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeName);
            var type = typeof(SocketServer).Assembly.GetType(typeName)!;
            var headers = view.Descendants("TableColumnHeader").ToList();
            var items = view.Descendants("TableColumnItem").ToList();

            foreach (var (header, item) in headers.Zip(items))
            {
                var label = header.Element("Label")?.Value ?? item.Element("PropertyName")!.Value;
                Assert.True(type.GetProperty(label) != null, $"The {typeName} column '{label}' is not a property: Select-Object {label} would be blank.");
                var shown = item.Element("PropertyName")?.Value
                    ?? System.Text.RegularExpressions.Regex.Match(item.Element("ScriptBlock")!.Value, @"\$_\.(\w+)").Groups[1].Value;
                Assert.True(label == shown, $"The {typeName} column '{label}' shows {shown}.");
            }
        }

        [Theory]
        [InlineData("PSSocketChat.SocketMessage", "ReceivedAt", "RemoteEndPoint", "Text")]
        [InlineData("PSSocketChat.SocketServer", "Name", "LocalEndPoint", "State", "ConnectionCount", "MessagesReceived")]
        public void The_views_show_the_columns_users_look_for(string typeName, params string[] labels)
        {
            var view = Views.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeName);
            var shown = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")?.Value).ToList();

            Assert.All(labels, label => Assert.Contains(label, shown));
        }

        [Fact]
        public void Script_block_columns_use_properties_that_exist()
        {
            foreach (var view in Views.Descendants("View"))
            {
                var type = typeof(SocketServer).Assembly.GetType(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value)!;
                foreach (var script in view.Descendants("ScriptBlock").Select(s => s.Value))
                {
                    var property = System.Text.RegularExpressions.Regex.Match(script, @"\$_\.(\w+)").Groups[1].Value;
                    Assert.True(type.GetProperty(property) != null, $"{type.Name} has no property {property} (used by {script}).");
                }
            }
        }
    }
}
