using System.CommandLine;
using Collab.Indexer.Cli;

var root = new RootCommand("Collab documentation indexer: build, query and evaluate the docs index.")
{
    IndexCommand.Create(),
    QueryCommand.Create(),
    EvalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
