"""Static timeline website generator for war news."""
