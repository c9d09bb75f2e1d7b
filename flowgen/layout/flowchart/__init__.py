"""The swimlane flowchart: Graphviz ranks and routes, flowgen places lanes and finishes the arrows."""
