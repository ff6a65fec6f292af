namespace PSSocketChat.Module
{
    /// <summary>One tab-completion offer: the text inserted, the text listed, and a tooltip.</summary>
    public sealed class Completion
    {
        internal Completion(string completionText, string listItemText, string toolTip)
        {
            CompletionText = completionText;
            ListItemText = listItemText;
            ToolTip = toolTip;
        }

        public string CompletionText { get; }

        public string ListItemText { get; }

        public string ToolTip { get; }
    }
}
