//! GER Planner: the Global Exploration Roadmap as data, its conflicts, and the window to edit it.
//!
//! Data flows one way: file (`format`) → `model` → `analysis`.

pub mod analysis;
pub mod bundled;
pub mod cli;
pub mod edit;
pub mod format;
pub mod layout;
pub mod merge;
pub mod model;
pub mod render;
pub mod ui;

/// One allocator for the window, the command line, the tests and the benches. A frame of a
/// large roadmap allocates megabytes (meshes, the tessellated triangles) and frees them at its
/// end. The system allocator gave that memory back to the kernel and faulted it in again on
/// the next frame: a still frame of 10,000 missions took 0.5 or 2.5 ms depending on which
/// buffers happened to outlive the frame. mimalloc keeps the memory for the next frame.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
